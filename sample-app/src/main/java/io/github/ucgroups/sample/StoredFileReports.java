package io.github.ucgroups.sample;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;

import io.github.ucgroups.webhook.FileDeletedEvent;
import io.github.ucgroups.webhook.FileStoredEvent;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * What Uploadcare reported through webhooks about files being stored, for the group page. The
 * sample app keeps this in memory (the most recent {@value #MAX_FILES} files of this instance);
 * an application would write it to its database.
 */
@Component
public class StoredFileReports {

	static final int MAX_FILES = 10_000;

	private final Map<String, Instant> storedAt = new LinkedHashMap<>(16, 0.75f, false) {
		@Override
		protected boolean removeEldestEntry(Map.Entry<String, Instant> eldest) {
			return size() > MAX_FILES;
		}
	};

	private final AtomicLong storedEvents = new AtomicLong();

	@EventListener
	void onStored(FileStoredEvent event) {
		this.storedEvents.incrementAndGet();
		Instant at = (event.getFile().storedAt() != null) ? event.getFile().storedAt() : Instant.now();
		synchronized (this.storedAt) {
			this.storedAt.put(event.getFile().uuid(), at);
		}
	}

	@EventListener
	void onDeleted(FileDeletedEvent event) {
		synchronized (this.storedAt) {
			this.storedAt.remove(event.getFile().uuid());
		}
	}

	/**
	 * Returns when a file was reported as stored.
	 * @param uuid the file UUID
	 * @return the time, or {@code null} if no {@code file.stored} delivery arrived for it
	 */
	public @Nullable Instant storedAt(String uuid) {
		synchronized (this.storedAt) {
			return this.storedAt.get(uuid);
		}
	}

	/**
	 * Returns how many {@code file.stored} deliveries were received (duplicates are not published).
	 * @return the count
	 */
	public long storedEvents() {
		return this.storedEvents.get();
	}

}
