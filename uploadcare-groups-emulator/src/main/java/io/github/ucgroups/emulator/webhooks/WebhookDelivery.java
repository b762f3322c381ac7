package io.github.ucgroups.emulator.webhooks;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One delivery the emulator sent (or tried to send) to a subscription's target URL.
 *
 * @param hookId the subscription's id
 * @param event the event type
 * @param targetUrl where it was posted
 * @param body the JSON body, exactly as sent
 * @param signature the {@code X-Uc-Signature} header sent, or {@code null} for an unsigned
 * subscription; never shown by {@link #toString()}
 * @param wronglySigned whether the signature was made wrong on purpose
 * ({@link EmulatorWebhooks#signNextDeliveryWrongly()})
 * @param status the HTTP status the target answered, or 0 if there was no answer
 * @param error why there was no answer, or {@code null}
 * @param sentAt when it was sent
 */
public record WebhookDelivery(long hookId, String event, String targetUrl, String body, @Nullable String signature,
		boolean wronglySigned, int status, @Nullable String error, Instant sentAt) {

	/**
	 * Tells whether the target answered with a 2xx status.
	 * @return whether the delivery was accepted
	 */
	public boolean accepted() {
		return this.status >= 200 && this.status < 300;
	}

	@Override
	public String toString() {
		return "WebhookDelivery[hook=" + this.hookId + ", event=" + this.event + ", targetUrl=" + this.targetUrl
				+ ", status=" + this.status + ((this.error != null) ? ", error=" + this.error : "")
				+ (this.wronglySigned ? ", wrongly signed" : "") + "]";
	}

}
