package io.github.ucgroups.autoconfigure.webhook;

import java.net.URI;
import java.util.List;
import java.util.Objects;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import io.github.ucgroups.UploadcareException;
import io.github.ucgroups.WebhookAdminService;
import io.github.ucgroups.WebhookRegistration;
import io.github.ucgroups.WebhookSubscriptionRequest;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;

/**
 * Subscribes {@code uploadcare.webhooks.registration.target-url} to the configured events, signed
 * with the first of {@code uploadcare.webhooks.signing-secrets}, once the application is ready
 * (so that its endpoint answers the first delivery). The settings are checked at startup, before
 * any request; if Uploadcare cannot be reached then, a warning is logged and the application runs
 * on (the next start subscribes again, idempotently).
 */
public final class WebhookStartupRegistration implements ApplicationListener<ApplicationReadyEvent> {

	private static final Log logger = LogFactory.getLog(WebhookStartupRegistration.class);

	private final WebhookAdminService webhooks;

	private final URI targetUrl;

	private final List<String> events;

	private final String signingSecret;

	/**
	 * Creates the registration, checking the settings.
	 * @param webhooks the subscription service
	 * @param properties the settings
	 * @throws InvalidWebhookConfigurationException naming the setting that cannot work
	 */
	WebhookStartupRegistration(WebhookAdminService webhooks, UploadcareWebhookProperties properties) {
		this.webhooks = Objects.requireNonNull(webhooks, "webhooks must not be null");
		UploadcareWebhookProperties.Registration registration = properties.getRegistration();
		URI target = registration.getTargetUrl();
		List<String> secrets = properties.getSigningSecrets();
		if (target == null) {
			throw new InvalidWebhookConfigurationException("uploadcare.webhooks.registration.target-url is not set");
		}
		if (secrets.isEmpty()) {
			throw new InvalidWebhookConfigurationException("uploadcare.webhooks.registration.target-url is set, but "
					+ "uploadcare.webhooks.signing-secrets is not: deliveries would be unsigned and no receiver could "
					+ "tell them from forgeries. Set a signing secret (at most 32 characters)");
		}
		if (registration.getEvents().isEmpty()) {
			throw new InvalidWebhookConfigurationException("uploadcare.webhooks.registration.events is empty");
		}
		try {
			WebhookSubscriptionRequest.checkTargetUrl(target);
			for (String event : registration.getEvents()) {
				WebhookSubscriptionRequest.checkEvent(event);
			}
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidWebhookConfigurationException("Invalid uploadcare.webhooks.registration: " + ex.getMessage());
		}
		UploadcareWebhookAutoConfiguration.verifier(secrets); // the secrets' checks, with the property named
		this.targetUrl = target;
		this.events = List.copyOf(registration.getEvents());
		this.signingSecret = secrets.get(0);
	}

	@Override
	public void onApplicationEvent(ApplicationReadyEvent event) {
		register();
	}

	/**
	 * Subscribes now.
	 * @return what was done, or {@code null} if Uploadcare failed (logged)
	 */
	@Nullable WebhookRegistration register() {
		try {
			WebhookRegistration result = this.webhooks.ensureSubscribed(this.targetUrl, this.events, this.signingSecret);
			logger.info("Uploadcare webhooks for " + this.targetUrl + ": " + result.created().size() + " created, "
					+ result.updated().size() + " updated, " + result.unchanged().size() + " unchanged ("
					+ String.join(", ", this.events) + ")");
			return result;
		}
		catch (UploadcareException ex) {
			logger.warn("Could not subscribe " + this.targetUrl + " to Uploadcare webhooks (" + ex.getMessage()
					+ "); the application runs on, and subscribes again at its next start");
			return null;
		}
	}

	@Override
	public String toString() {
		return "WebhookStartupRegistration[" + this.targetUrl + ", " + this.events + "]";
	}

}
