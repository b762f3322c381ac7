package io.github.ucgroups;

import java.time.Instant;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * A file inside an Uploadcare group.
 * <p>
 * A group keeps its files after they are deleted, in two forms that both read as
 * {@linkplain #isRemoved() removed}: a recently deleted file is still described, with its
 * removal time ({@link #removedAt()}); a long-purged one is only a {@code null} entry in
 * Uploadcare's answer and reads as {@link #purged()}, whose {@link #uuid()} is {@code null}
 * because Uploadcare no longer says which file it was.
 *
 * @param uuid the file UUID; {@code null} only for a {@linkplain #purged() purged} entry
 * @param originalFilename the name the file was uploaded with, if known
 * @param size the file size in bytes
 * @param mimeType the file's MIME type, if known
 * @param image whether Uploadcare recognised the file as an image
 * @param stored whether the file is stored permanently
 * @param ready whether the file is fully uploaded and processed
 * @param defaultEffects the CDN operations the group applies to this file
 * @param imageInfo the image dimensions and format, for images
 * @param removedAt when the file was deleted ({@code datetime_removed}), or {@code null} if it
 * was not, or for a purged entry
 */
public record GroupFile(@Nullable String uuid, @Nullable String originalFilename, long size, @Nullable String mimeType,
		boolean image, boolean stored, boolean ready, CdnOperations defaultEffects, @Nullable ImageInfo imageInfo,
		@Nullable Instant removedAt) {

	private static final GroupFile PURGED = new GroupFile(null, null, 0, null, false, false, false, CdnOperations.NONE,
			null, null);

	/**
	 * Creates a group file description.
	 * @param uuid the file UUID, {@code null} only for a purged entry
	 * @param originalFilename the original file name
	 * @param size the size in bytes
	 * @param mimeType the MIME type
	 * @param image whether it is an image
	 * @param stored whether it is stored
	 * @param ready whether it is ready
	 * @param defaultEffects the group's operations for this file
	 * @param imageInfo image details
	 * @param removedAt when the file was deleted, or {@code null}
	 */
	public GroupFile {
		Objects.requireNonNull(defaultEffects, "defaultEffects must not be null");
	}

	/**
	 * Describes a file that exists (not removed).
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
	public GroupFile(String uuid, @Nullable String originalFilename, long size, @Nullable String mimeType,
			boolean image, boolean stored, boolean ready, CdnOperations defaultEffects,
			@Nullable ImageInfo imageInfo) {
		this(Objects.requireNonNull(uuid, "uuid must not be null"), originalFilename, size, mimeType, image, stored,
				ready, defaultEffects, imageInfo, null);
	}

	/**
	 * The entry of a long-purged file: Uploadcare sends {@code null} in its place, so nothing but
	 * its position in the group is known ({@link #uuid()} is {@code null}).
	 * @return the purged entry
	 */
	public static GroupFile purged() {
		return PURGED;
	}

	/**
	 * Tells whether the file was deleted after the group was created: it has a removal time, or
	 * it is a {@linkplain #purged() purged} entry. The CDN no longer serves it, and the group's
	 * archives answer 404.
	 * @return {@code true} for a removed file
	 */
	@JsonProperty("removed")
	public boolean isRemoved() {
		return this.uuid == null || this.removedAt != null;
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
