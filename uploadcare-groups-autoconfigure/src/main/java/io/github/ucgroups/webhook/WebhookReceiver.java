package io.github.ucgroups.webhook;

import java.util.Objects;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import io.github.ucgroups.webhook.WebhookPayloadReader.UnreadableDeliveryException;

import org.springframework.context.ApplicationEventPublisher;

/**
 * Receives one webhook delivery, independent of the web framework: verifies the signature over
 * the raw bytes, skips duplicates, reads the payload and publishes it as an
 * {@link UploadcareWebhookEvent}. Nothing is published unless the signature is valid. Logs name
 * the outcome and the event type, never the secret, the signature or the body.
 */
public final class WebhookReceiver {

	private static final Log logger = LogFactory.getLog(WebhookReceiver.class);

	private final WebhookSignatureVerifier verifier;

	private final DeliveryDeduplicator deduplicator;

	private final ApplicationEventPublisher publisher;

	private final WebhookPayloadReader reader;

	/**
	 * Creates the receiver.
	 * @param verifier checks signatures
	 * @param deduplicator remembers deliveries
	 * @param publisher publishes the events
	 * @param jsonMapper reads the payloads
	 */
	public WebhookReceiver(WebhookSignatureVerifier verifier, DeliveryDeduplicator deduplicator,
			ApplicationEventPublisher publisher, JsonMapper jsonMapper) {
		this.verifier = Objects.requireNonNull(verifier, "verifier must not be null");
		this.deduplicator = Objects.requireNonNull(deduplicator, "deduplicator must not be null");
		this.publisher = Objects.requireNonNull(publisher, "publisher must not be null");
		this.reader = new WebhookPayloadReader(Objects.requireNonNull(jsonMapper, "jsonMapper must not be null"));
	}

	/**
	 * Receives a delivery. Listeners run in the calling thread: if one throws, the delivery is
	 * forgotten again (so that Uploadcare's retry is published) and the exception propagates.
	 * @param body the body exactly as received
	 * @param signature the {@value WebhookSignatureVerifier#HEADER} header, or {@code null}
	 * @return what happened
	 */
	public Outcome receive(byte[] body, @Nullable String signature) {
		if (signature == null || signature.isBlank()) {
			logger.warn("Refused an Uploadcare webhook delivery without an " + WebhookSignatureVerifier.HEADER
					+ " header");
			return Outcome.MISSING_SIGNATURE;
		}
		if (!this.verifier.isValid(body, signature)) {
			logger.warn("Refused an Uploadcare webhook delivery whose signature matches none of the signing secrets");
			return Outcome.INVALID_SIGNATURE;
		}
		UploadcareWebhookEvent event;
		try {
			event = this.reader.read(this, body);
		}
		catch (UnreadableDeliveryException ex) {
			logger.warn("Refused a signed Uploadcare webhook delivery that cannot be read: " + ex.getMessage());
			return Outcome.UNREADABLE;
		}
		String key = DeliveryDeduplicator.key(body);
		if (!this.deduplicator.markFirst(key)) {
			if (logger.isDebugEnabled()) {
				logger.debug("Skipped a duplicate Uploadcare webhook delivery (" + event.getEventType() + ")");
			}
			return Outcome.DUPLICATE;
		}
		try {
			this.publisher.publishEvent(event);
		}
		catch (RuntimeException | Error ex) {
			this.deduplicator.forget(key);
			throw ex;
		}
		if (logger.isDebugEnabled()) {
			logger.debug("Published " + event);
		}
		return Outcome.PUBLISHED;
	}

	@Override
	public String toString() {
		return "WebhookReceiver[" + this.verifier + ", " + this.deduplicator + "]";
	}

	/** What became of a delivery. */
	public enum Outcome {

		/** Verified and published. */
		PUBLISHED,

		/** Verified, but seen within the de-duplication window: not published again. */
		DUPLICATE,

		/** No signature header: nothing published. */
		MISSING_SIGNATURE,

		/** The signature matches none of the secrets: nothing published. */
		INVALID_SIGNATURE,

		/** Verified, but not a readable delivery: nothing published. */
		UNREADABLE

	}

}
