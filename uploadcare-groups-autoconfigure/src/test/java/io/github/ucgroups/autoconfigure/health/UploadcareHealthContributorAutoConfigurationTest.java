package io.github.ucgroups.autoconfigure.health;

import org.junit.jupiter.api.Test;

import io.github.ucgroups.autoconfigure.UploadcareAutoConfiguration;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static io.github.ucgroups.testsupport.TestKeys.PUBLIC_KEY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * When {@link UploadcareHealthContributorAutoConfiguration} registers the indicator (what the
 * indicator answers: {@link UploadcareHealthIndicatorTest}).
 */
class UploadcareHealthContributorAutoConfigurationTest {

	private ApplicationContextRunner runner() {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(UploadcareAutoConfiguration.class,
					UploadcareHealthContributorAutoConfiguration.class))
			.withPropertyValues("uploadcare.public-key=" + PUBLIC_KEY, "uploadcare.upload-url=http://127.0.0.1:9");
	}

	@Test
	void registeredByDefault() {
		runner().run((context) -> assertThat(context).hasSingleBean(UploadcareHealthIndicator.class)
			.hasBean("uploadcareHealthIndicator"));
	}

	@Test
	void notRegisteredWhenSwitchedOff() {
		runner().withPropertyValues("management.health.uploadcare.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(UploadcareHealthIndicator.class));
	}

	@Test
	void notRegisteredWhenHealthDefaultsAreOff() {
		runner().withPropertyValues("management.health.defaults.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(UploadcareHealthIndicator.class));
	}

	@Test
	void notRegisteredWithoutHealthOnTheClasspath() {
		// Filtering all of org.springframework.boot.health would also hide the condition class that a
		// directly registered auto-configuration needs; in an application the auto-configuration is
		// skipped earlier, from its metadata (checked below).
		runner().withClassLoader(new FilteredClassLoader("org.springframework.boot.health.contributor"))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(UploadcareHealthIndicator.class));
	}

	@Test
	void autoConfigurationMetadataSkipsItWithoutHealth() throws Exception {
		java.util.Properties metadata = new java.util.Properties();
		try (var in = getClass().getResourceAsStream("/META-INF/spring-autoconfigure-metadata.properties")) {
			metadata.load(in);
		}
		assertThat(metadata.getProperty(UploadcareHealthContributorAutoConfiguration.class.getName() + ".ConditionalOnClass"))
			.isEqualTo("org.springframework.boot.health.contributor.HealthIndicator");
	}

	@Test
	void notRegisteredWhenUploadcareIsDisabled() {
		runner().withPropertyValues("uploadcare.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(UploadcareHealthIndicator.class));
	}

	@Test
	void backsOffForAUserIndicatorOfTheSameName() {
		runner().withBean("uploadcareHealthIndicator", org.springframework.boot.health.contributor.HealthIndicator.class,
				() -> () -> Health.unknown().build())
			.run((context) -> assertThat(context).doesNotHaveBean(UploadcareHealthIndicator.class));
	}

}
