package io.github.ucgroups;

import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A file of the project as the REST API (v0.7) describes it, e.g. in a webhook delivery.
 *
 * @param uuid the file UUID, lower case
 * @param originalFilename the name the file was uploaded with, if known
 * @param size the size in bytes
 * @param mimeType the MIME type, if known
 * @param image whether Uploadcare recognised the file as an image
 * @param ready whether the file is fully uploaded and processed
 * @param uploadedAt when the file was uploaded, if known
 * @param storedAt when the file was stored for good, or {@code null} while it is not stored
 * @param removedAt when the file was deleted, or {@code null} while it exists
 * @param originalFileUrl the CDN URL of the original file as Uploadcare reported it (build CDN
 * URLs with {@code CdnUrls} instead of trusting its host)
 * @param metadata the file's metadata (key-value pairs)
 * @param imageInfo the image dimensions and format, for images
 */
public record UploadcareFile(String uuid, @Nullable String originalFilename, long size, @Nullable String mimeType,
		boolean image, boolean ready, @Nullable Instant uploadedAt, @Nullable Instant storedAt,
		@Nullable Instant removedAt, @Nullable URI originalFileUrl, Map<String, String> metadata,
		GroupFile.@Nullable ImageInfo imageInfo) {

	/**
	 * Creates the record, checking the UUID.
	 * @param uuid the file UUID
	 * @param originalFilename the original name
	 * @param size the size in bytes
	 * @param mimeType the MIME type
	 * @param image whether it is an image
	 * @param ready whether it is ready
	 * @param uploadedAt the upload time
	 * @param storedAt the time it was stored
	 * @param removedAt the time it was removed
	 * @param originalFileUrl the original file's URL
	 * @param metadata the metadata
	 * @param imageInfo the image details
	 * @throws IllegalArgumentException if the UUID is malformed
	 */
	public UploadcareFile {
		uuid = FileRef.of(Objects.requireNonNull(uuid, "uuid must not be null")).uuid();
		metadata = Map.copyOf(Objects.requireNonNull(metadata, "metadata must not be null"));
	}

	/**
	 * Tells whether the file is stored for good.
	 * @return whether {@link #storedAt()} is set
	 */
	public boolean stored() {
		return this.storedAt != null;
	}

	/**
	 * Tells whether the file was deleted.
	 * @return whether {@link #removedAt()} is set
	 */
	public boolean removed() {
		return this.removedAt != null;
	}

	/**
	 * Returns a reference to this file, to put it in a group.
	 * @return the reference, without CDN operations
	 */
	public FileRef toFileRef() {
		return FileRef.of(this.uuid);
	}

}
