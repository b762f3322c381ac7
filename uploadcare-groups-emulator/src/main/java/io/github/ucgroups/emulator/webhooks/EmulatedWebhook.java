package io.github.ucgroups.emulator.webhooks;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A webhook subscription held by the emulator.
 *
 * @param id the subscription's id
 * @param event the event type, e.g. {@code file.stored}
 * @param targetUrl where deliveries are posted
 * @param active whether deliveries are sent
 * @param signingSecret the secret deliveries are signed with, or {@code null} for unsigned ones;
 * never shown by {@link #toString()}
 * @param version the payload version
 * @param created when it was created
 * @param updated when it was last changed
 */
public record EmulatedWebhook(long id, String event, String targetUrl, boolean active, @Nullable String signingSecret,
		String version, Instant created, Instant updated) {

	@Override
	public String toString() {
		return "EmulatedWebhook[id=" + this.id + ", event=" + this.event + ", targetUrl=" + this.targetUrl + ", active="
				+ this.active + ", signed=" + (this.signingSecret != null) + ", version=" + this.version + "]";
	}

}
