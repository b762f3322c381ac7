package io.github.ucgroups.autoconfigure.webhook;

import io.github.ucgroups.WebhookAdminService;
import io.github.ucgroups.autoconfigure.UploadcareRestAutoConfiguration;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Subscribes the application to Uploadcare webhooks once it has started, when
 * {@code uploadcare.webhooks.registration.target-url} is set and the REST API is available (a
 * secret key is configured): see {@link WebhookStartupRegistration}.
 */
@AutoConfiguration(after = UploadcareRestAutoConfiguration.class)
@ConditionalOnBean(WebhookAdminService.class)
@ConditionalOnProperty("uploadcare.webhooks.registration.target-url")
@EnableConfigurationProperties(UploadcareWebhookProperties.class)
public final class UploadcareWebhookRegistrationAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	WebhookStartupRegistration uploadcareWebhookStartupRegistration(WebhookAdminService webhooks,
			UploadcareWebhookProperties properties) {
		return new WebhookStartupRegistration(webhooks, properties);
	}

}
