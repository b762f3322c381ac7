package io.github.ucgroups.autoconfigure.health;

import java.time.Clock;

import io.github.ucgroups.autoconfigure.UploadcareAutoConfiguration;
import io.github.ucgroups.autoconfigure.UploadcareConnectionDetails;
import io.github.ucgroups.autoconfigure.UploadcareProperties;
import io.github.ucgroups.autoconfigure.UploadcareRestClients;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * Registers the {@code uploadcare} health indicator when Boot's health support is present and
 * {@code management.health.uploadcare.enabled} is not {@code false}.
 */
@AutoConfiguration(after = UploadcareAutoConfiguration.class)
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnBean(UploadcareRestClients.class)
@ConditionalOnEnabledHealthIndicator("uploadcare")
public final class UploadcareHealthContributorAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "uploadcareHealthIndicator")
	UploadcareHealthIndicator uploadcareHealthIndicator(UploadcareRestClients clients, UploadcareProperties properties,
			UploadcareConnectionDetails connectionDetails, ObjectProvider<Clock> clock) {
		UploadcareProperties.Health health = properties.getHealth();
		return new UploadcareHealthIndicator(
				clients.transportBuilder(connectionDetails.getUploadUrl(), connectionDetails.getPublicKey())
					.timeouts(health.getTimeout(), health.getTimeout())
					.unobserved()
					.build(),
				connectionDetails.getPublicKey(), health.getCacheTtl(), clock.getIfUnique(Clock::systemUTC));
	}

}
