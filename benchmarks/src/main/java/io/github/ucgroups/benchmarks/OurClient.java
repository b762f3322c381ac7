package io.github.ucgroups.benchmarks;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.ucgroups.GroupService;
import io.github.ucgroups.UploadService;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

/**
 * Our starter as a user gets it: a Spring Boot context with auto-configuration and nothing but
 * properties pointing at the emulator (no secret key, so no signing: the same requests as the
 * baselines send).
 */
public final class OurClient implements AutoCloseable {

	private final ConfigurableApplicationContext context;

	private OurClient(ConfigurableApplicationContext context) {
		this.context = context;
	}

	public static OurClient start(EmulatorProcess emulator, Map<String, Object> extraProperties) {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("uploadcare.public-key", Wire.PUBLIC_KEY);
		properties.put("uploadcare.upload-url", emulator.uploadUrl().toString());
		properties.put("uploadcare.rest-url", emulator.restUrl().toString());
		properties.put("uploadcare.cdn-url", emulator.cdnUrl().toString());
		properties.put("uploadcare.emulator.enabled", "false");
		properties.put("logging.level.root", "WARN");
		properties.putAll(extraProperties);
		ConfigurableApplicationContext context = new SpringApplicationBuilder(Config.class)
			.web(WebApplicationType.NONE)
			.logStartupInfo(false)
			.bannerMode(org.springframework.boot.Banner.Mode.OFF)
			.properties(properties)
			.run();
		return new OurClient(context);
	}

	public GroupService groups() {
		return this.context.getBean(GroupService.class);
	}

	public UploadService uploads() {
		return this.context.getBean(UploadService.class);
	}

	@Override
	public void close() {
		this.context.close();
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class Config {

	}

}
