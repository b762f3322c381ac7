package io.github.ucgroups;

/**
 * A part of a multipart upload failed for good (after its retries), so the upload was not
 * completed. The cause is the part's own failure. Like every
 * {@link UploadcareMultipartUploadException} it names the upload's UUID, and a batch lists it
 * among the possibly stored files.
 */
public class UploadcarePartUploadException extends UploadcareMultipartUploadException {

	private static final long serialVersionUID = 1L;

	private final int partNumber;

	private final int partCount;

	/**
	 * Creates the exception.
	 * @param uuid the UUID of the unfinished multipart upload
	 * @param filename the file's name
	 * @param partNumber the failed part, counted from 1
	 * @param partCount how many parts the file has
	 * @param offset the first byte of the part
	 * @param length the part's length
	 * @param cause the part's failure
	 */
	public UploadcarePartUploadException(String uuid, String filename, int partNumber, int partCount, long offset,
			long length, UploadcareException cause) {
		super(cause.getOperation(), cause.getStatus(), cause.getErrorCode(),
				"part " + partNumber + " of " + partCount + " (bytes " + offset + "-" + (offset + length - 1) + ") of '"
						+ Strings.abbreviate(filename) + "' (upload " + uuid + ") failed, the upload was not completed: "
						+ cause.getDetail(),
				cause, uuid, filename);
		this.partNumber = partNumber;
		this.partCount = partCount;
	}

	/** Returns the failed part, counted from 1. */
	public int getPartNumber() {
		return this.partNumber;
	}

	/** Returns how many parts the file has. */
	public int getPartCount() {
		return this.partCount;
	}

}
