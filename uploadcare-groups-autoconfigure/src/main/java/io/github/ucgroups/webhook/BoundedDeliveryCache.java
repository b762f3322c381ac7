package io.github.ucgroups.webhook;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;

import org.jspecify.annotations.Nullable;

import org.springframework.cache.support.AbstractValueAdaptingCache;

/**
 * The default store of {@link DeliveryDeduplicator} when the application names no cache of its
 * own: an in-memory cache of one instance, bounded in size (the oldest entries go first) and in
 * time (entries expire after the time-to-live). It does not see deliveries received by other
 * instances of the application.
 */
public final class BoundedDeliveryCache extends AbstractValueAdaptingCache {

	private final String name;

	private final int maxEntries;

	private final long ttlMillis;

	private final Clock clock;

	private final LinkedHashMap<Object, Entry> entries = new LinkedHashMap<>();

	/**
	 * Creates the cache.
	 * @param name the cache name
	 * @param maxEntries the most entries kept
	 * @param ttl how long an entry is kept
	 * @param clock the clock
	 */
	public BoundedDeliveryCache(String name, int maxEntries, Duration ttl, Clock clock) {
		super(false);
		this.name = Objects.requireNonNull(name, "name must not be null");
		if (maxEntries < 1) {
			throw new IllegalArgumentException("maxEntries must be positive, was " + maxEntries);
		}
		this.maxEntries = maxEntries;
		this.ttlMillis = ttl.toMillis();
		this.clock = Objects.requireNonNull(clock, "clock must not be null");
	}

	@Override
	public String getName() {
		return this.name;
	}

	@Override
	public Object getNativeCache() {
		return this.entries;
	}

	@Override
	protected synchronized @Nullable Object lookup(Object key) {
		Entry entry = this.entries.get(key);
		if (entry == null) {
			return null;
		}
		if (entry.expiresAt <= this.clock.millis()) {
			this.entries.remove(key);
			return null;
		}
		return entry.value;
	}

	@Override
	@SuppressWarnings("unchecked")
	public synchronized <T> @Nullable T get(Object key, Callable<T> valueLoader) {
		Object value = lookup(key);
		if (value != null) {
			return (T) value;
		}
		try {
			T loaded = valueLoader.call();
			put(key, loaded);
			return loaded;
		}
		catch (Exception ex) {
			throw new ValueRetrievalException(key, valueLoader, ex);
		}
	}

	@Override
	public synchronized void put(Object key, @Nullable Object value) {
		if (value == null) {
			evict(key);
			return;
		}
		this.entries.remove(key);
		this.entries.put(key, new Entry(value, this.clock.millis() + this.ttlMillis));
		trim();
	}

	@Override
	public synchronized @Nullable ValueWrapper putIfAbsent(Object key, @Nullable Object value) {
		Object existing = lookup(key);
		if (existing != null) {
			return toValueWrapper(existing);
		}
		put(key, value);
		return null;
	}

	@Override
	public synchronized void evict(Object key) {
		this.entries.remove(key);
	}

	@Override
	public synchronized void clear() {
		this.entries.clear();
	}

	/** Returns how many entries are kept (expired ones included until they are looked up or pushed out). */
	synchronized int size() {
		return this.entries.size();
	}

	private void trim() {
		long now = this.clock.millis();
		var iterator = this.entries.entrySet().iterator();
		while (iterator.hasNext()) {
			Map.Entry<Object, Entry> eldest = iterator.next();
			if (this.entries.size() > this.maxEntries || eldest.getValue().expiresAt <= now) {
				iterator.remove();
			}
			else {
				break; // insertion order: the rest are younger
			}
		}
	}

	@Override
	public String toString() {
		return "BoundedDeliveryCache[" + this.name + ", maxEntries=" + this.maxEntries + "]";
	}

	private record Entry(Object value, long expiresAt) {
	}

}
