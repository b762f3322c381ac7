package io.github.ucgroups;

import java.util.List;
import java.util.Objects;
import java.util.StringJoiner;

import org.jspecify.annotations.Nullable;

/**
 * Some files of a submission were not uploaded, or the group of the uploaded files could not
 * be created. It lists every file that did reach Uploadcare ({@link #getUploaded()}, with its
 * position in the submission), every file that failed ({@link #getFailures()}), and the group
 * creation failure if that was the step that failed. Failed multipart uploads that had already
 * been given a UUID are listed as possibly stored ({@link #getPossiblyStoredUuids()}): Uploadcare
 * may hold the file although its upload did not end well for the caller. The message names the
 * uploaded and the possibly stored UUIDs, so a log line alone tells which files may now be in
 * the project without a group.
 */
public class UploadcareBatchUploadException extends UploadcareException {

	private static final long serialVersionUID = 1L;

	/**
	 * A file that was uploaded.
	 *
	 * @param index its position in the submission
	 * @param file the uploaded file
	 */
	public record Uploaded(int index, UploadedFile file) {
	}

	/**
	 * A file that was not uploaded.
	 *
	 * @param index its position in the submission
	 * @param filename its name
	 * @param cause why it failed
	 */
	public record Failure(int index, String filename, Throwable cause) {

		/**
		 * Returns the UUID of the file's multipart upload when it had one (the cause is an
		 * {@link UploadcareMultipartUploadException}): the file is possibly stored under it.
		 * @return the UUID, or {@code null} if Uploadcare never gave the file one
		 */
		public @Nullable String possiblyStoredUuid() {
			return (this.cause instanceof UploadcareMultipartUploadException multipart) ? multipart.getUuid() : null;
		}

	}

	/** What happened to the uploaded files after the failure. */
	public enum OrphanOutcome {

		/** They were kept in the project (policy {@code keep}, or nothing could delete them). */
		KEPT,

		/** They were deleted (policy {@code delete}). */
		DELETED,

		/** Deleting them was tried and failed; they are still in the project. */
		DELETE_FAILED

	}

	private final int total;

	private final List<Uploaded> uploaded;

	private final List<Failure> failures;

	private final @Nullable UploadcareException groupFailure;

	private final OrphanOutcome orphans;

	/**
	 * Creates the exception.
	 * @param operation the operation, e.g. {@code group.create-from-uploads}
	 * @param total how many files were submitted
	 * @param uploaded the files that were uploaded
	 * @param failures the files that failed
	 * @param groupFailure the failure of group creation, or {@code null} if uploads failed first
	 * @param orphans what happened to the uploaded files
	 */
	public UploadcareBatchUploadException(String operation, int total, List<Uploaded> uploaded, List<Failure> failures,
			@Nullable UploadcareException groupFailure, OrphanOutcome orphans) {
		super(operation, (groupFailure != null) ? groupFailure.getStatus() : 0,
				(groupFailure != null) ? groupFailure.getErrorCode() : null,
				describe(total, uploaded, failures, groupFailure, orphans),
				(groupFailure != null) ? groupFailure : (failures.isEmpty() ? null : failures.get(0).cause()));
		this.total = total;
		this.uploaded = List.copyOf(uploaded);
		this.failures = List.copyOf(failures);
		this.groupFailure = groupFailure;
		this.orphans = Objects.requireNonNull(orphans, "orphans must not be null");
	}

	/** Returns how many files were submitted. */
	public int getTotal() {
		return this.total;
	}

	/** Returns the files that were uploaded, in submission order. */
	public List<Uploaded> getUploaded() {
		return this.uploaded;
	}

	/** Returns the UUIDs of the files that were uploaded, in submission order. */
	public List<String> getUploadedUuids() {
		return this.uploaded.stream().map((file) -> file.file().uuid()).toList();
	}

	/**
	 * Returns the UUIDs of failed files that are possibly stored all the same: multipart uploads
	 * that {@code /multipart/start/} had given a UUID before they failed (a part failed, the
	 * completion failed or could not be confirmed, the upload was cancelled). Check them with
	 * Uploadcare, or delete them, so that nothing stored goes unnoticed.
	 * @return the UUIDs, in submission order
	 */
	public List<String> getPossiblyStoredUuids() {
		return this.failures.stream().map(Failure::possiblyStoredUuid).filter(Objects::nonNull).toList();
	}

	/** Returns the files that failed, in submission order. */
	public List<Failure> getFailures() {
		return this.failures;
	}

	/** Returns the group creation failure, or {@code null} if the uploads failed first. */
	public @Nullable UploadcareException getGroupFailure() {
		return this.groupFailure;
	}

	/** Returns what happened to the uploaded files. */
	public OrphanOutcome getOrphans() {
		return this.orphans;
	}

	private static String describe(int total, List<Uploaded> uploaded, List<Failure> failures,
			@Nullable UploadcareException groupFailure, OrphanOutcome orphans) {
		StringBuilder text = new StringBuilder();
		if (groupFailure != null) {
			text.append("all ").append(uploaded.size()).append(" files were uploaded but the group was not created (")
				.append(groupFailure.getMessage()).append(")");
		}
		else {
			text.append(failures.size()).append(" of ").append(total).append(" files failed, ")
				.append(uploaded.size()).append(" uploaded");
		}
		StringJoiner done = new StringJoiner(", ", "; uploaded: [", "]");
		for (Uploaded file : uploaded) {
			done.add("#" + file.index() + " " + Strings.abbreviate(file.file().originalFilename()) + "=" + file.file().uuid());
		}
		text.append(done);
		if (!failures.isEmpty()) {
			StringJoiner failed = new StringJoiner("; ", "; failed: [", "]");
			for (Failure failure : failures) {
				failed.add("#" + failure.index() + " " + Strings.abbreviate(failure.filename()) + ": "
						+ failure.cause().getMessage());
			}
			text.append(failed);
			StringJoiner possiblyStored = new StringJoiner(", ", "; possibly stored (multipart started, not confirmed): [",
					"]");
			possiblyStored.setEmptyValue("");
			for (Failure failure : failures) {
				String uuid = failure.possiblyStoredUuid();
				if (uuid != null) {
					possiblyStored.add("#" + failure.index() + " " + Strings.abbreviate(failure.filename()) + "=" + uuid);
				}
			}
			text.append(possiblyStored);
		}
		if (!uploaded.isEmpty()) {
			text.append("; uploaded files ").append(switch (orphans) {
				case KEPT -> "were kept";
				case DELETED -> "were deleted";
				case DELETE_FAILED -> "could not be deleted and were kept";
			});
		}
		return text.toString();
	}

}
