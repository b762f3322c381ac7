package io.github.ucgroups.sample;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.github.ucgroups.Group;
import io.github.ucgroups.GroupFile;

/**
 * A group as the JSON API and the pages show it.
 *
 * @param id the group id
 * @param cdnUrl the group's CDN URL
 * @param filesCount the number of files
 * @param createdAt when the group was created
 * @param files the files in group order; {@code null} where a file was deleted (removed recently or
 * purged long ago, see {@link GroupFile#isRemoved()})
 */
public record GroupView(String id, URI cdnUrl, int filesCount, Instant createdAt, List<@Nullable FileView> files) {

	/**
	 * Describes a group.
	 * @param group the group
	 * @return the view
	 */
	public static GroupView of(Group group) {
		List<@Nullable FileView> files = new ArrayList<>();
		for (int i = 0; i < group.files().size(); i++) {
			GroupFile file = group.files().get(i);
			String uuid = file.uuid();
			files.add((!file.isRemoved() && uuid != null) ? new FileView(uuid, file.originalFilename(), file.size(),
					file.mimeType(), group.nthFileUrl(i), file.image() || isImageType(file.mimeType())) : null);
		}
		return new GroupView(group.id().toString(), group.cdnUrl(), group.filesCount(), group.createdAt(), files);
	}

	private static boolean isImageType(@Nullable String mimeType) {
		return mimeType != null && mimeType.startsWith("image/");
	}

	/**
	 * A file of the group.
	 *
	 * @param uuid the file UUID
	 * @param originalFilename the name it was uploaded with
	 * @param size its size in bytes
	 * @param mimeType its MIME type
	 * @param cdnUrl its CDN URL within the group ({@code nth/i/})
	 * @param image whether it is an image (shown as a thumbnail)
	 */
	public record FileView(String uuid, @Nullable String originalFilename, long size, @Nullable String mimeType,
			URI cdnUrl, @com.fasterxml.jackson.annotation.JsonIgnore boolean image) {
	}

}
