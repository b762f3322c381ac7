package io.github.ucgroups.emulator.store;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Told of what happens to the store's files, with Uploadcare's webhook event names
 * ({@code file.uploaded}, {@code file.stored}, {@code file.deleted}). Called in the thread that
 * changed the store, after the change; it must not block.
 */
@FunctionalInterface
public interface FileEventListener {

	/** A listener that ignores everything. */
	FileEventListener NONE = (event, file, removed) -> {
	};

	/**
	 * Tells of an event.
	 * @param event the event name, e.g. {@code file.stored}
	 * @param file the file as it is after the change
	 * @param removed when it was deleted, for {@code file.deleted}
	 */
	void onFileEvent(String event, StoredFile file, @Nullable Instant removed);

}
