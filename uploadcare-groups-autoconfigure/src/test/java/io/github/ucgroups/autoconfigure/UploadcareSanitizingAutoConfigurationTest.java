package io.github.ucgroups.autoconfigure;

import java.util.List;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import io.github.ucgroups.autoconfigure.webhook.UploadcareWebhookAutoConfiguration;
import io.github.ucgroups.autoconfigure.webhook.UploadcareWebhookProperties;

import org.springframework.boot.actuate.context.properties.ConfigurationPropertiesReportEndpoint;
import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.Show;
import org.springframework.boot.actuate.env.EnvironmentEndpoint;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

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
			for (String key : List.of("uploadcare.webhooks.signing-secrets[0]", "uploadcare.webhooks.signing-secrets",
					"uploadcare.webhooks.signingSecrets", "signingSecrets", "UPLOADCARE_WEBHOOKS_SIGNINGSECRETS_0",
					"UPLOADCARE_WEBHOOKS_SIGNING_SECRETS")) {
				assertThat(function.apply(new SanitizableData(null, key, "whsec")).getValue()).as(key)
					.isEqualTo(SanitizableData.SANITIZED_VALUE);
			}
			for (String key : List.of("uploadcare.public-key", "uploadcare.upload-url", "other.secret-key",
					"uploadcare.signed-uploads.scheme", "uploadcare.webhooks.path", "other.signing-secrets")) {
				assertThat(function.apply(new SanitizableData(null, key, "value")).getValue()).as(key).isEqualTo("value");
			}
		});
	}

	@Test
	void hidesWebhookSigningSecretsInTheConfigpropsAndEnvEndpoints() {
		String current = "whsec-current-do-not-leak";
		String previous = "whsec-previous-do-not-leak";
		new WebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(UploadcareSanitizingAutoConfiguration.class,
					UploadcareWebhookAutoConfiguration.class))
			.withPropertyValues("uploadcare.webhooks.enabled=true",
					"uploadcare.webhooks.signing-secrets=" + current + "," + previous)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				List<SanitizingFunction> sanitizers = context.getBeanProvider(SanitizingFunction.class)
					.orderedStream()
					.toList();
				ConfigurationPropertiesReportEndpoint configprops = new ConfigurationPropertiesReportEndpoint(sanitizers,
						Show.ALWAYS);
				configprops.setApplicationContext(context);
				EnvironmentEndpoint env = new EnvironmentEndpoint(context.getEnvironment(), sanitizers, Show.ALWAYS);
				JsonMapper json = JsonMapper.builder().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS).build();
				String report = json.writeValueAsString(configprops.configurationProperties()) + "\n"
						+ json.writeValueAsString(env.environment(null)) + "\n"
						+ json.writeValueAsString(env.environmentEntry("uploadcare.webhooks.signing-secrets[0]"))
						+ "\n" + context.getBean(UploadcareWebhookProperties.class);
				assertThat(report).contains("uploadcare.webhooks", "/uploadcare/webhooks", SanitizableData.SANITIZED_VALUE)
					.doesNotContain(current)
					.doesNotContain(previous);
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
