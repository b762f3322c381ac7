package io.github.ucgroups;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One file to upload into a new group, with the CDN operations the group applies to it (they
 * become the file's {@code default_effects}).
 *
 * @param source the file's content
 * @param operations the operations, possibly {@link CdnOperations#NONE}
 */
public record UploadRequest(UploadSource source, CdnOperations operations) {

	/**
	 * Creates the request.
	 * @param source the file's content
	 * @param operations the operations
	 */
	public UploadRequest {
		Objects.requireNonNull(source, "source must not be null");
		Objects.requireNonNull(operations, "operations must not be null");
	}

	/**
	 * A file without operations.
	 * @param source the file's content
	 * @return the request
	 */
	public static UploadRequest of(UploadSource source) {
		return new UploadRequest(source, CdnOperations.NONE);
	}

	/**
	 * A file with operations in any form {@link CdnOperations#parse(String)} accepts, such as
	 * {@code resize/x800/-/quality/smart/}.
	 * @param source the file's content
	 * @param operations the operations
	 * @return the request
	 * @throws IllegalArgumentException if the operations are malformed
	 */
	public static UploadRequest of(UploadSource source, String operations) {
		return new UploadRequest(source, CdnOperations.parse(operations));
	}

	/**
	 * Requests for files without operations.
	 * @param sources the files
	 * @return the requests, in the same order
	 * @throws IllegalArgumentException naming the position of a {@code null} entry
	 */
	public static List<UploadRequest> allOf(List<UploadSource> sources) {
		Objects.requireNonNull(sources, "sources must not be null");
		List<UploadRequest> requests = new ArrayList<>(sources.size());
		for (int i = 0; i < sources.size(); i++) {
			if (sources.get(i) == null) {
				throw new IllegalArgumentException("sources[" + i + "] is null");
			}
			requests.add(of(sources.get(i)));
		}
		return requests;
	}

}
