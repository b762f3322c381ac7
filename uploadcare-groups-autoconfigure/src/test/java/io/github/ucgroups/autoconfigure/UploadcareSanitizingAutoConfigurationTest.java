package io.github.ucgroups.autoconfigure;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class UploadcareSanitizingAutoConfigurationTest {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(UploadcareSanitizingAutoConfiguration.class));

	@Test
	void masksSecretKeysInEveryFormTheEndpointsReport() {
		this.runner.withPropertyValues("uploadcare.enabled=false").run((context) -> {
			SanitizingFunction function = context.getBean(SanitizingFunction.class);
			for (String key : List.of("uploadcare.secret-key", "uploadcare.secretKey", "UPLOADCARE_SECRET_KEY",
					"uploadcare.emulator.secret-key", "uploadcare.emulator.secretKey")) {
				assertThat(function.apply(new SanitizableData(null, key, "s3cr3t")).getValue()).as(key)
					.isEqualTo(SanitizableData.SANITIZED_VALUE);
			}
			for (String key : List.of("uploadcare.public-key", "uploadcare.upload-url", "other.secret-key",
					"uploadcare.signed-uploads.scheme")) {
				assertThat(function.apply(new SanitizableData(null, key, "value")).getValue()).as(key).isEqualTo("value");
			}
		});
	}

	@Test
	void backsOffWithoutTheActuator() {
		this.runner.withClassLoader(new FilteredClassLoader(SanitizingFunction.class))
			.run((context) -> assertThat(context).doesNotHaveBean(SanitizingFunction.class));
	}

	@Test
	void isRegistered() {
		assertThat(ImportCandidates.load(AutoConfiguration.class, getClass().getClassLoader()).getCandidates())
			.contains(UploadcareSanitizingAutoConfiguration.class.getName());
	}

}
