package io.github.ucgroups.benchmarks;

import java.net.URI;
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

	public static OurClient start(URI uploadUrl, Map<String, Object> extraProperties) {
		return start(uploadUrl, extraProperties, false);
	}

	/**
	 * With {@code tunedTransport}, the app declares one extra bean, as a user could: Boot's JDK
	 * request factory builder with an executor for the HttpClient (a cached pool instead of a new
	 * thread per request body) and HTTP/1.1 (no h2c upgrade offer on plain HTTP).
	 */
	public static OurClient start(URI uploadUrl, Map<String, Object> extraProperties, boolean tunedTransport) {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("uploadcare.public-key", Wire.PUBLIC_KEY);
		properties.put("uploadcare.upload-url", uploadUrl.toString());
		properties.put("uploadcare.rest-url", uploadUrl + "/rest");
		properties.put("uploadcare.cdn-url", uploadUrl + "/cdn");
		properties.put("uploadcare.emulator.enabled", "false");
		properties.put("logging.level.root", "WARN");
		properties.putAll(extraProperties);
		ConfigurableApplicationContext context = new SpringApplicationBuilder(
				tunedTransport ? new Class<?>[] { Config.class, TunedTransport.class } : new Class<?>[] { Config.class })
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

	@Configuration(proxyBeanMethods = false)
	static class TunedTransport {

		@org.springframework.context.annotation.Bean
		org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder<?> uploadcareBenchRequestFactoryBuilder() {
			java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newCachedThreadPool((r) -> {
				Thread thread = new Thread(r, "bench-http");
				thread.setDaemon(true);
				return thread;
			});
			return org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder.jdk()
				.withHttpClientCustomizer((builder) -> builder.executor(pool).version(java.net.http.HttpClient.Version.HTTP_1_1));
		}

	}

}
