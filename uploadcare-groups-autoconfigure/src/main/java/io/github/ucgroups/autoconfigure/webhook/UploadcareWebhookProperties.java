package io.github.ucgroups.autoconfigure.webhook;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Receiving Uploadcare webhooks and subscribing to them, under {@code uploadcare.webhooks.*}.
 */
@ConfigurationProperties("uploadcare.webhooks")
public class UploadcareWebhookProperties {

	/** The events subscribed to when none are configured. */
	public static final List<String> DEFAULT_EVENTS = List.of("file.uploaded", "file.stored", "file.deleted",
			"file.info_updated");

	/**
	 * Whether to receive webhooks: an endpoint at the path verifies each delivery's signature and
	 * publishes it as a Spring application event (UploadcareWebhookEvent and its subtypes).
	 * Servlet web applications only.
	 */
	private boolean enabled;

	/**
	 * Path of the receiving endpoint (POST only). Leave it open to Uploadcare in Spring Security
	 * (no authentication, no CSRF token); the signature authenticates each delivery.
	 */
	private String path = "/uploadcare/webhooks";

	/**
	 * Secrets that deliveries may be signed with, at most 32 characters each. The first is the
	 * current one (registration subscribes with it); the others are still accepted, so that a
	 * secret can be rotated without losing deliveries. Never logged or shown.
	 */
	private List<String> signingSecrets = new ArrayList<>();

	/**
	 * Largest delivery body accepted; larger ones are answered with 413.
	 */
	private DataSize maxBodySize = DataSize.ofKilobytes(256);

	/**
	 * De-duplication of deliveries that arrive more than once.
	 */
	private final Deduplication deduplication = new Deduplication();

	/**
	 * Subscribing the application at startup.
	 */
	private final Registration registration = new Registration();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public String getPath() {
		return this.path;
	}

	public void setPath(String path) {
		this.path = path;
	}

	public List<String> getSigningSecrets() {
		return this.signingSecrets;
	}

	public void setSigningSecrets(List<String> signingSecrets) {
		this.signingSecrets = signingSecrets;
	}

	public DataSize getMaxBodySize() {
		return this.maxBodySize;
	}

	public void setMaxBodySize(DataSize maxBodySize) {
		this.maxBodySize = maxBodySize;
	}

	public Deduplication getDeduplication() {
		return this.deduplication;
	}

	public Registration getRegistration() {
		return this.registration;
	}

	@Override
	public String toString() {
		return "UploadcareWebhookProperties[enabled=" + this.enabled + ", path=" + this.path + ", signingSecrets="
				+ this.signingSecrets.size() + " (hidden), maxBodySize=" + this.maxBodySize + "]";
	}

	/** De-duplication of deliveries. */
	public static class Deduplication {

		/**
		 * How long after its first arrival a delivery with the same body counts as a duplicate
		 * and is not published again.
		 */
		private Duration window = Duration.ofHours(1);

		/**
		 * Name of a cache of the application's CacheManager to remember deliveries in (e.g. one
		 * backed by Redis or Hazelcast, shared by all instances, with a time-to-live of at least
		 * the window). When unset, each instance remembers deliveries in memory on its own.
		 */
		private @Nullable String cacheName;

		/**
		 * Most deliveries remembered by the in-memory default (ignored with cache-name).
		 */
		private int maxEntries = 10_000;

		public Duration getWindow() {
			return this.window;
		}

		public void setWindow(Duration window) {
			this.window = window;
		}

		public @Nullable String getCacheName() {
			return this.cacheName;
		}

		public void setCacheName(@Nullable String cacheName) {
			this.cacheName = cacheName;
		}

		public int getMaxEntries() {
			return this.maxEntries;
		}

		public void setMaxEntries(int maxEntries) {
			this.maxEntries = maxEntries;
		}

	}

	/** Subscribing at startup. */
	public static class Registration {

		/**
		 * Public URL of this application's webhook endpoint. When set (and a secret key is
		 * configured), the application subscribes it to the events once it has started,
		 * idempotently: missing subscriptions are created, differing ones updated, none
		 * duplicated. Deliveries are signed with the first signing secret.
		 */
		private @Nullable URI targetUrl;

		/**
		 * Events to subscribe the target URL to.
		 */
		private List<String> events = new ArrayList<>(DEFAULT_EVENTS);

		public @Nullable URI getTargetUrl() {
			return this.targetUrl;
		}

		public void setTargetUrl(@Nullable URI targetUrl) {
			this.targetUrl = targetUrl;
		}

		public List<String> getEvents() {
			return this.events;
		}

		public void setEvents(List<String> events) {
			this.events = events;
		}

	}

}
