package io.github.ucgroups;

import java.net.URI;
import java.util.Locale;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The fields of a webhook subscription to create ({@link #of(URI, String)}) or to change
 * ({@link #changes()}): only the fields that are set are sent. Every value is checked when it is
 * set, before any request.
 *
 * @param targetUrl where deliveries go: an absolute {@code http} or {@code https} URL of at most
 * {@value #MAX_TARGET_URL_LENGTH} characters
 * @param event the event type, e.g. {@code file.stored}
 * @param active whether deliveries are sent (Uploadcare's default: {@code true})
 * @param signingSecret the secret to sign deliveries with, at most
 * {@value #MAX_SIGNING_SECRET_LENGTH} characters; never shown by {@link #toString()}
 * @param version the payload version (Uploadcare's default: {@code 0.7})
 */
public record WebhookSubscriptionRequest(@Nullable URI targetUrl, @Nullable String event, @Nullable Boolean active,
		@Nullable String signingSecret, @Nullable String version) {

	/** The longest target URL Uploadcare accepts. */
	public static final int MAX_TARGET_URL_LENGTH = 255;

	/** The longest signing secret Uploadcare accepts. */
	public static final int MAX_SIGNING_SECRET_LENGTH = 32;

	private static final Pattern EVENT = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+");

	/**
	 * Creates the request, checking every value that is set.
	 * @param targetUrl the target URL
	 * @param event the event type
	 * @param active whether it is active
	 * @param signingSecret the signing secret
	 * @param version the payload version
	 * @throws IllegalArgumentException naming the field that is malformed
	 */
	public WebhookSubscriptionRequest {
		if (targetUrl != null) {
			checkTargetUrl(targetUrl);
		}
		if (event != null) {
			checkEvent(event);
		}
		if (signingSecret != null) {
			checkSigningSecret(signingSecret, "signingSecret");
		}
		if (version != null && version.isBlank()) {
			throw new IllegalArgumentException("version must not be blank");
		}
	}

	/**
	 * Starts a new subscription: deliveries of one event to one target URL.
	 * @param targetUrl the target URL
	 * @param event the event type, e.g. {@code file.stored}
	 * @return the request; add a signing secret with {@link #withSigningSecret(String)}
	 */
	public static WebhookSubscriptionRequest of(URI targetUrl, String event) {
		if (targetUrl == null || event == null) {
			throw new IllegalArgumentException("a new webhook subscription needs a target URL and an event");
		}
		return new WebhookSubscriptionRequest(targetUrl, event, null, null, null);
	}

	/**
	 * Starts a change of an existing subscription that changes nothing yet.
	 * @return an empty change
	 */
	public static WebhookSubscriptionRequest changes() {
		return new WebhookSubscriptionRequest(null, null, null, null, null);
	}

	/**
	 * Returns this request with another target URL.
	 * @param targetUrl the target URL
	 * @return a new request
	 */
	public WebhookSubscriptionRequest withTargetUrl(URI targetUrl) {
		return new WebhookSubscriptionRequest(targetUrl, this.event, this.active, this.signingSecret, this.version);
	}

	/**
	 * Returns this request with another event.
	 * @param event the event type
	 * @return a new request
	 */
	public WebhookSubscriptionRequest withEvent(String event) {
		return new WebhookSubscriptionRequest(this.targetUrl, event, this.active, this.signingSecret, this.version);
	}

	/**
	 * Returns this request with deliveries switched on or off.
	 * @param active whether deliveries are sent
	 * @return a new request
	 */
	public WebhookSubscriptionRequest withActive(boolean active) {
		return new WebhookSubscriptionRequest(this.targetUrl, this.event, active, this.signingSecret, this.version);
	}

	/**
	 * Returns this request with a signing secret.
	 * @param signingSecret the secret, at most {@value #MAX_SIGNING_SECRET_LENGTH} characters
	 * @return a new request
	 */
	public WebhookSubscriptionRequest withSigningSecret(String signingSecret) {
		return new WebhookSubscriptionRequest(this.targetUrl, this.event, this.active, signingSecret, this.version);
	}

	/**
	 * Returns this request with a payload version.
	 * @param version the version, e.g. {@code 0.7}
	 * @return a new request
	 */
	public WebhookSubscriptionRequest withVersion(String version) {
		return new WebhookSubscriptionRequest(this.targetUrl, this.event, this.active, this.signingSecret, version);
	}

	/**
	 * Tells whether the request sets no field at all.
	 * @return whether it is empty
	 */
	public boolean isEmpty() {
		return this.targetUrl == null && this.event == null && this.active == null && this.signingSecret == null
				&& this.version == null;
	}

	/**
	 * Checks a signing secret: not blank, at most {@value #MAX_SIGNING_SECRET_LENGTH} characters.
	 * The message names the setting and the length, never the secret.
	 * @param secret the secret
	 * @param name the setting's name, for the message
	 * @throws IllegalArgumentException if it is blank or too long
	 */
	public static void checkSigningSecret(@Nullable String secret, String name) {
		if (secret == null || secret.isBlank()) {
			throw new IllegalArgumentException(name + " must not be blank");
		}
		if (secret.length() > MAX_SIGNING_SECRET_LENGTH) {
			throw new IllegalArgumentException(name + " is " + secret.length() + " characters long; Uploadcare "
					+ "accepts signing secrets of at most " + MAX_SIGNING_SECRET_LENGTH + " characters");
		}
	}

	/**
	 * Checks a target URL: absolute {@code http} or {@code https}, with a host, at most
	 * {@value #MAX_TARGET_URL_LENGTH} characters.
	 * @param targetUrl the URL
	 * @throws IllegalArgumentException naming the URL and what is wrong with it
	 */
	public static void checkTargetUrl(URI targetUrl) {
		String scheme = (targetUrl.getScheme() != null) ? targetUrl.getScheme().toLowerCase(Locale.ROOT) : "";
		if (!(scheme.equals("http") || scheme.equals("https")) || targetUrl.getHost() == null) {
			throw new IllegalArgumentException(
					"webhook target URL must be an absolute http or https URL, was '" + targetUrl + "'");
		}
		if (targetUrl.toString().length() > MAX_TARGET_URL_LENGTH) {
			throw new IllegalArgumentException("webhook target URL is " + targetUrl.toString().length()
					+ " characters long; Uploadcare accepts at most " + MAX_TARGET_URL_LENGTH);
		}
	}

	/**
	 * Checks an event type's form, e.g. {@code file.stored}.
	 * @param event the event type
	 * @throws IllegalArgumentException naming the malformed value
	 */
	public static void checkEvent(String event) {
		if (!EVENT.matcher(event).matches()) {
			throw new IllegalArgumentException("webhook event must look like 'file.stored', was '" + event + "'");
		}
	}

	@Override
	public String toString() {
		return "WebhookSubscriptionRequest[targetUrl=" + this.targetUrl + ", event=" + this.event + ", active="
				+ this.active + ", signingSecret=" + ((this.signingSecret != null) ? "******" : "not set")
				+ ", version=" + this.version + "]";
	}

}
