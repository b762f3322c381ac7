package io.github.ucgroups;

import org.jspecify.annotations.Nullable;

/**
 * A multipart upload failed after {@code /multipart/start/} had given it a UUID: a part failed
 * for good ({@link UploadcarePartUploadException}), or completing it failed or could not be
 * confirmed, or the upload was cancelled. The file may nevertheless be stored (Uploadcare may
 * have completed it while its answer was lost), so the UUID is never dropped:
 * {@link #getUuid()} names it and {@link UploadcareBatchUploadException#getPossiblyStoredUuids()}
 * lists it. The cause is the failure of the step that failed; {@link #isTransient()} is the
 * cause's.
 */
public class UploadcareMultipartUploadException extends UploadcareException {

	private static final long serialVersionUID = 1L;

	private final String uuid;

	private final String filename;

	private final boolean transientFailure;

	/**
	 * Wraps the failure of a multipart upload that has a UUID.
	 * @param uuid the upload's UUID, as {@code /multipart/start/} gave it
	 * @param filename the file's name
	 * @param cause what failed
	 */
	public UploadcareMultipartUploadException(String uuid, String filename, RuntimeException cause) {
		this((cause instanceof UploadcareException failure) ? failure.getOperation() : "file.upload",
				(cause instanceof UploadcareException failure) ? failure.getStatus() : 0,
				(cause instanceof UploadcareException failure) ? failure.getErrorCode() : null,
				"multipart upload " + uuid + " of '" + Strings.abbreviate(filename)
						+ "' was started but not confirmed complete, so the file is possibly stored: "
						+ ((cause instanceof UploadcareException failure) ? failure.getDetail()
								: String.valueOf(cause.getMessage())),
				cause, uuid, filename);
	}

	/**
	 * Creates the exception with a message of its own (for subclasses).
	 * @param operation the operation that failed
	 * @param status the HTTP status, or 0
	 * @param errorCode Uploadcare's error code, if any
	 * @param detail the description
	 * @param cause what failed
	 * @param uuid the upload's UUID
	 * @param filename the file's name
	 */
	protected UploadcareMultipartUploadException(String operation, int status, @Nullable String errorCode,
			String detail, Throwable cause, String uuid, String filename) {
		super(operation, status, errorCode, detail, cause);
		this.uuid = uuid;
		this.filename = filename;
		this.transientFailure = (cause instanceof UploadcareException failure) && failure.isTransient();
	}

	/** Returns the UUID of the multipart upload (the file's UUID, if it was stored). */
	public String getUuid() {
		return this.uuid;
	}

	/** Returns the name of the file. */
	public String getFilename() {
		return this.filename;
	}

	@Override
	public boolean isTransient() {
		return this.transientFailure;
	}

}
