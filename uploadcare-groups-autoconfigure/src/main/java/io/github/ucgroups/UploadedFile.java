package io.github.ucgroups;

import java.util.Objects;

/**
 * A file that is now in Uploadcare.
 *
 * @param uuid the file UUID, lower case
 * @param filename the file's original name
 * @param size the size in bytes
 * @param contentType the content type
 */
public record UploadedFile(String uuid, String filename, long size, String contentType) {

	/**
	 * Creates the record, checking the UUID.
	 * @param uuid the file UUID
	 * @param filename the file name
	 * @param size the size in bytes
	 * @param contentType the content type
	 * @throws IllegalArgumentException if the UUID is malformed
	 */
	public UploadedFile {
		Objects.requireNonNull(filename, "filename must not be null");
		Objects.requireNonNull(contentType, "contentType must not be null");
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
