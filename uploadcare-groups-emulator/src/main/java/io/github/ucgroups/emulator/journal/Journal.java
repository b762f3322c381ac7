package io.github.ucgroups.emulator.journal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * The requests the emulator received, oldest first, for tests to inspect. Keeps the last
 * {@value #CAPACITY} entries. Safe for concurrent use.
 */
public final class Journal {

	/** The most entries kept; older ones are dropped. */
	public static final int CAPACITY = 10_000;

	private final Deque<JournalEntry> entries = new ArrayDeque<>();

	/**
	 * Records a request. Called by the emulator's server before it answers, so an entry is
	 * visible as soon as the client has its response.
	 * @param entry the entry
	 */
	public synchronized void record(JournalEntry entry) {
		if (this.entries.size() == CAPACITY) {
			this.entries.removeFirst();
		}
		this.entries.addLast(entry);
	}

	/**
	 * Returns every entry.
	 * @return a snapshot, oldest first
	 */
	public synchronized List<JournalEntry> entries() {
		return List.copyOf(this.entries);
	}

	/**
	 * Returns the entries whose path starts with a prefix.
	 * @param pathPrefix e.g. {@code /group/}
	 * @return a snapshot, oldest first
	 */
	public synchronized List<JournalEntry> entries(String pathPrefix) {
		List<JournalEntry> matching = new ArrayList<>();
		for (JournalEntry entry : this.entries) {
			if (entry.path().startsWith(pathPrefix)) {
				matching.add(entry);
			}
		}
		return matching;
	}

	/**
	 * Returns the most recent entry whose path starts with a prefix.
	 * @param pathPrefix the prefix, {@code "/"} for any
	 * @return the entry, if any
	 */
	public synchronized Optional<JournalEntry> last(String pathPrefix) {
		for (var it = this.entries.descendingIterator(); it.hasNext();) {
			JournalEntry entry = it.next();
			if (entry.path().startsWith(pathPrefix)) {
				return Optional.of(entry);
			}
		}
		return Optional.empty();
	}

	/**
	 * Counts the entries whose path starts with a prefix.
	 * @param pathPrefix the prefix
	 * @return the count
	 */
	public int count(String pathPrefix) {
		return entries(pathPrefix).size();
	}

	/** Removes every entry. */
	public synchronized void clear() {
		this.entries.clear();
	}

}
