package io.github.ucgroups;

import java.util.Objects;

/**
 * A file that is now in Uploadcare.
 *
 * @param uuid the file UUID, lower case
 * @param originalFilename the name the file was uploaded with (as {@link GroupFile#originalFilename()})
 * @param size the size in bytes
 * @param mimeType the file's MIME type (as {@link GroupFile#mimeType()})
 */
public record UploadedFile(String uuid, String originalFilename, long size, String mimeType) {

	/**
	 * Creates the record, checking the UUID.
	 * @param uuid the file UUID
	 * @param originalFilename the original file name
	 * @param size the size in bytes
	 * @param mimeType the MIME type
	 * @throws IllegalArgumentException if the UUID is malformed
	 */
	public UploadedFile {
		Objects.requireNonNull(originalFilename, "originalFilename must not be null");
		Objects.requireNonNull(mimeType, "mimeType must not be null");
		uuid = FileRef.of(uuid).uuid();
	}

	/**
	 * Returns a reference to this file, to put it in a group.
	 * @return the reference, without CDN operations
	 */
	public FileRef toFileRef() {
		return FileRef.of(this.uuid);
	}

}
