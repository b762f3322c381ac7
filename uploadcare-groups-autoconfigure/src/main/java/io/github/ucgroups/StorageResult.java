package io.github.ucgroups;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The outcome of storing or deleting files through the REST API ({@code PUT} or
 * {@code DELETE /files/storage/}), merged over all the batches the request was split into.
 * Uploadcare reports files it could not handle per file instead of failing the whole request;
 * they are in {@link #problems()}.
 *
 * @param succeeded the UUIDs of the files that were stored (or deleted), in answer order
 * @param problems for each file that could not be handled, Uploadcare's reason (e.g.
 * {@code Missing in the project}), by UUID
 */
public record StorageResult(List<String> succeeded, Map<String, String> problems) {

	/** Nothing done, nothing wrong. */
	public static final StorageResult EMPTY = new StorageResult(List.of(), Map.of());

	/**
	 * Creates a result.
	 * @param succeeded the UUIDs of the handled files
	 * @param problems the reasons of the files that were not handled, by UUID
	 */
	public StorageResult {
		succeeded = List.copyOf(Objects.requireNonNull(succeeded, "succeeded must not be null"));
		problems = Collections.unmodifiableMap(
				new LinkedHashMap<>(Objects.requireNonNull(problems, "problems must not be null")));
	}

	/** Tells whether Uploadcare reported no problem for any file. */
	public boolean isComplete() {
		return this.problems.isEmpty();
	}

	/**
	 * Returns this result followed by another one (succeeded files appended, problems merged).
	 * @param other the result of a further batch
	 * @return the merged result
	 */
	public StorageResult merge(StorageResult other) {
		if (other.succeeded.isEmpty() && other.problems.isEmpty()) {
			return this;
		}
		List<String> files = new ArrayList<>(this.succeeded);
		files.addAll(other.succeeded);
		Map<String, String> merged = new LinkedHashMap<>(this.problems);
		merged.putAll(other.problems);
		return new StorageResult(files, merged);
	}

}
