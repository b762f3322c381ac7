package io.github.ucgroups.webhook;

import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;

import io.github.ucgroups.signing.Hmac;

import org.springframework.cache.Cache;

/**
 * Remembers deliveries for a bounded window, in a Spring {@link Cache}, so that a delivery that
 * arrives again (Uploadcare retrying, or a replayed capture: no timestamp is signed) is published
 * once. A delivery is identified by the SHA-256 of its body; the cache maps it to the time it was
 * first seen, so the window holds even in a cache that never expires entries.
 * <p>
 * The starter keeps no state of its own: with several instances, back this with a shared cache
 * (Redis, Hazelcast, …) whose {@link Cache#putIfAbsent} is atomic, and give it a time-to-live
 * of at least the window so that it does not grow without bound.
 */
public final class DeliveryDeduplicator {

	private final Cache cache;

	private final long windowMillis;

	private final Clock clock;

	/**
	 * Creates the de-duplicator.
	 * @param cache where deliveries are remembered
	 * @param window how long a delivery counts as a duplicate after it was first seen
	 * @param clock the clock
	 */
	public DeliveryDeduplicator(Cache cache, Duration window, Clock clock) {
		this.cache = Objects.requireNonNull(cache, "cache must not be null");
		if (window == null || window.isNegative() || window.isZero()) {
			throw new IllegalArgumentException("the de-duplication window must be positive, was " + window);
		}
		this.windowMillis = window.toMillis();
		this.clock = Objects.requireNonNull(clock, "clock must not be null");
	}

	/**
	 * Returns the key a body is remembered under.
	 * @param body the raw body
	 * @return the hex SHA-256 of the body
	 */
	public static String key(byte[] body) {
		return HexFormat.of().formatHex(Hmac.digest("SHA-256", body));
	}

	/**
	 * Marks a delivery as seen, telling whether it is the first time within the window.
	 * @param key the delivery's key
	 * @return {@code true} if it should be published, {@code false} for a duplicate
	 */
	public boolean markFirst(String key) {
		long now = this.clock.millis();
		Cache.ValueWrapper existing = this.cache.putIfAbsent(key, now);
		if (existing == null) {
			return true;
		}
		// A cache may hand the time back as another number type (e.g. Redis with a JSON serializer).
		if (!(existing.get() instanceof Number seenAt) || now - seenAt.longValue() < this.windowMillis) {
			return false;
		}
		// Seen before the window began (the cache keeps entries longer): it counts as new.
		this.cache.put(key, now);
		return true;
	}

	/**
	 * Forgets a delivery, so that Uploadcare's retry of it is published (its listeners failed).
	 * @param key the delivery's key
	 */
	public void forget(String key) {
		this.cache.evict(key);
	}

	@Override
	public String toString() {
		return "DeliveryDeduplicator[cache=" + this.cache.getName() + ", window=" + Duration.ofMillis(this.windowMillis)
				+ "]";
	}

}
