package io.github.ucgroups.emulator.store;

import java.time.Instant;
import java.util.List;

/**
 * A file group held by the emulator.
 *
 * @param id the group id, {@code <uuid>~<N>}
 * @param created when the group was created (unique per emulator, microsecond precision)
 * @param entries the files in order
 */
public record StoredGroup(String id, Instant created, List<GroupEntry> entries) {

	/**
	 * Creates the record, copying the collections.
	 * @param id see the record component
	 * @param created see the record component
	 * @param entries see the record component
	 */
	public StoredGroup {
		entries = List.copyOf(entries);
	}

	/**
	 * Returns the number of files the group was created with.
	 * @return the files count
	 */
	public int filesCount() {
		return this.entries.size();
	}

}
