package io.github.ucgroups.sample;

import java.net.URI;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import io.github.ucgroups.WebhookAdminService;
import io.github.ucgroups.WebhookRegistration;
import io.github.ucgroups.autoconfigure.webhook.UploadcareWebhookProperties;
import io.github.ucgroups.emulator.UploadcareEmulator;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * When the app runs against the embedded emulator, subscribes its own webhook endpoint
 * ({@code http://127.0.0.1:<port><uploadcare.webhooks.path>}) once it is ready, so that the
 * emulator reports uploaded, stored and deleted files to it. Against Uploadcare itself nothing is
 * registered: there the target URL must be public (set
 * {@code uploadcare.webhooks.registration.target-url}).
 */
@Component
class EmulatorWebhookRegistration {

	static final List<String> EVENTS = List.of("file.uploaded", "file.stored", "file.deleted");

	private static final Log logger = LogFactory.getLog(EmulatorWebhookRegistration.class);

	private final @Nullable UploadcareEmulator emulator;

	private final @Nullable WebhookAdminService webhooks;

	private final @Nullable UploadcareWebhookProperties properties;

	private final Environment environment;

	EmulatorWebhookRegistration(ObjectProvider<UploadcareEmulator> emulator, ObjectProvider<WebhookAdminService> webhooks,
			ObjectProvider<UploadcareWebhookProperties> properties, Environment environment) {
		this.emulator = emulator.getIfAvailable();
		this.webhooks = webhooks.getIfAvailable();
		this.properties = properties.getIfAvailable();
		this.environment = environment;
	}

	@EventListener(ApplicationReadyEvent.class)
	void register() {
		Integer port = this.environment.getProperty("local.server.port", Integer.class);
		if (this.emulator == null || this.webhooks == null || this.properties == null || !this.properties.isEnabled()
				|| this.properties.getSigningSecrets().isEmpty() || port == null) {
			return;
		}
		URI target = URI.create("http://127.0.0.1:" + port + this.properties.getPath());
		WebhookRegistration registration = this.webhooks.ensureSubscribed(target, EVENTS,
				this.properties.getSigningSecrets().get(0));
		logger.info("Subscribed " + target + " to the embedded emulator's webhooks (" + String.join(", ", EVENTS) + "; "
				+ registration.created().size() + " created)");
	}

}
