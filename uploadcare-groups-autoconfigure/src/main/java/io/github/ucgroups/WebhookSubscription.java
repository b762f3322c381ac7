package io.github.ucgroups;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A webhook subscription of the project, as the REST API ({@code GET /webhooks/}) reports it:
 * Uploadcare posts every {@link #event()} of the project to {@link #targetUrl()}. A target URL is
 * unique per project and event.
 *
 * @param id the subscription's id
 * @param event the event type, e.g. {@code file.stored}
 * @param targetUrl where deliveries are posted
 * @param active whether deliveries are sent
 * @param version the payload version, e.g. {@code 0.7}, if reported
 * @param signingSecret the secret deliveries are signed with, if any; never shown by
 * {@link #toString()}
 * @param createdAt when the subscription was created, if reported
 * @param updatedAt when it was last changed, if reported
 */
public record WebhookSubscription(long id, String event, URI targetUrl, boolean active, @Nullable String version,
		@Nullable String signingSecret, @Nullable Instant createdAt, @Nullable Instant updatedAt) {

	/**
	 * Creates the record.
	 * @param id the id
	 * @param event the event type
	 * @param targetUrl the target URL
	 * @param active whether it is active
	 * @param version the payload version
	 * @param signingSecret the signing secret
	 * @param createdAt the creation time
	 * @param updatedAt the time of the last change
	 */
	public WebhookSubscription {
		Objects.requireNonNull(event, "event must not be null");
		Objects.requireNonNull(targetUrl, "targetUrl must not be null");
	}

	/**
	 * Tells whether deliveries are signed.
	 * @return whether a signing secret is set
	 */
	public boolean signed() {
		return this.signingSecret != null && !this.signingSecret.isEmpty();
	}

	@Override
	public String toString() {
		return "WebhookSubscription[id=" + this.id + ", event=" + this.event + ", targetUrl=" + this.targetUrl
				+ ", active=" + this.active + ", version=" + this.version + ", signingSecret="
				+ (signed() ? "******" : "none") + ", createdAt=" + this.createdAt + ", updatedAt=" + this.updatedAt
				+ "]";
	}

}
