package io.github.ucgroups;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A file inside an Uploadcare group.
 *
 * @param uuid the file UUID
 * @param originalFilename the name the file was uploaded with, if known
 * @param size the file size in bytes
 * @param mimeType the file's MIME type, if known
 * @param image whether Uploadcare recognised the file as an image
 * @param stored whether the file is stored permanently
 * @param ready whether the file is fully uploaded and processed
 * @param defaultEffects the CDN operations the group applies to this file
 * @param imageInfo the image dimensions and format, for images
 */
public record GroupFile(String uuid, @Nullable String originalFilename, long size, @Nullable String mimeType,
		boolean image, boolean stored, boolean ready, CdnOperations defaultEffects, @Nullable ImageInfo imageInfo) {

	/**
	 * Creates a group file description.
	 * @param uuid the file UUID
	 * @param originalFilename the original file name
	 * @param size the size in bytes
	 * @param mimeType the MIME type
	 * @param image whether it is an image
	 * @param stored whether it is stored
	 * @param ready whether it is ready
	 * @param defaultEffects the group's operations for this file
	 * @param imageInfo image details
	 */
	public GroupFile {
		Objects.requireNonNull(uuid, "uuid must not be null");
		Objects.requireNonNull(defaultEffects, "defaultEffects must not be null");
	}

	/**
	 * Width, height and format of an image file.
	 *
	 * @param width the width in pixels
	 * @param height the height in pixels
	 * @param format the image format, e.g. {@code PNG}
	 */
	public record ImageInfo(int width, int height, @Nullable String format) {
	}

}
