package io.github.ucgroups.json;

import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import io.github.ucgroups.CdnOperations;
import io.github.ucgroups.FileRef;
import io.github.ucgroups.Group;
import io.github.ucgroups.GroupFile;
import io.github.ucgroups.GroupId;
import io.github.ucgroups.UploadcareServerException;
import io.github.ucgroups.cdn.CdnUrls;
import io.github.ucgroups.http.JsonFields;

/**
 * Reads group objects as the Upload and REST APIs send them, leniently: unknown fields are
 * ignored, {@code files_count} may be a string, {@code files} may hold {@code null} entries
 * (purged files, read as {@link GroupFile#purged()}) or be absent (REST list items); a file with
 * {@code datetime_removed} is read as removed.
 */
public final class GroupJson {

	private GroupJson() {
	}

	/**
	 * Reads a group object. Its {@code cdn_url} is not used: Uploadcare names
	 * {@code ucarecdn.com} there even for projects delivered on their own host, so the group's
	 * CDN URL is built on the configured CDN base instead.
	 * @param operation the operation, for errors
	 * @param json the group object
	 * @param cdnUrls builds the group's CDN URL
	 * @return the group
	 * @throws UploadcareServerException if a required field is missing or malformed
	 */
	public static Group readGroup(String operation, JsonNode json, CdnUrls cdnUrls) {
		try {
			GroupId id = GroupId.parse(requiredText(json, "id"));
			Instant createdAt = WireInstants.parse(requiredText(json, "datetime_created"));
			JsonNode count = json.get("files_count");
			int filesCount = (count == null || count.isNull()) ? id.filesCount() : count.asInt(id.filesCount());
			String url = JsonFields.text(json, "url");
			List<GroupFile> files = new ArrayList<>();
			JsonNode filesNode = json.get("files");
			if (filesNode != null && filesNode.isArray()) {
				for (JsonNode file : filesNode) {
					GroupFile read = (file != null && file.isObject()) ? readFile(file)
							: (file != null && file.isString()) ? readFileReference(file.asString()) : null;
					files.add((read != null) ? read : GroupFile.purged());
				}
			}
			return new Group(id, createdAt, filesCount, cdnUrls.groupUrl(id), (url != null) ? URI.create(url) : null,
					files);
		}
		catch (IllegalArgumentException | DateTimeParseException ex) {
			throw new UploadcareServerException(operation, 200, null,
					"Uploadcare sent a group that could not be read: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Reads a file object inside a group.
	 * @param file the file object
	 * @return the file
	 */
	static GroupFile readFile(JsonNode file) {
		String uuid = JsonFields.text(file, "uuid");
		if (uuid == null) {
			uuid = requiredText(file, "file_id");
		}
		JsonNode imageInfo = file.get("image_info");
		GroupFile.ImageInfo image = (imageInfo != null && imageInfo.isObject())
				? new GroupFile.ImageInfo(imageInfo.path("width").asInt(0), imageInfo.path("height").asInt(0),
						JsonFields.text(imageInfo, "format"))
				: null;
		String effects = JsonFields.text(file, "default_effects");
		String removed = JsonFields.text(file, "datetime_removed");
		return new GroupFile(uuid, JsonFields.text(file, "original_filename"), file.path("size").asLong(0),
				JsonFields.text(file, "mime_type"), file.path("is_image").asBoolean(image != null),
				file.path("is_stored").asBoolean(false) || file.hasNonNull("datetime_stored"),
				file.path("is_ready").asBoolean(true), lenientOperations(effects), image,
				(removed != null && !removed.isEmpty()) ? WireInstants.parse(removed) : null);
	}

	/**
	 * Reads a file entry sent as a string ({@code <uuid>} or {@code <uuid>/-/<operations>/}), as
	 * the seed schema describes it.
	 * @param entry the string entry
	 * @return the file, or {@code null} if the entry is not a file reference
	 */
	static @Nullable GroupFile readFileReference(String entry) {
		try {
			FileRef ref = FileRef.parse(entry);
			return new GroupFile(ref.uuid(), null, 0, null, false, false, true, ref.operations(), null);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static CdnOperations lenientOperations(@Nullable String effects) {
		try {
			return CdnOperations.parse(effects);
		}
		catch (IllegalArgumentException ex) {
			// Uploadcare accepted these operations; a stricter reading here must not hide the group.
			return CdnOperations.NONE;
		}
	}

	private static String requiredText(JsonNode json, String field) {
		String value = JsonFields.text(json, field);
		if (value == null || value.isEmpty()) {
			throw new IllegalArgumentException("field '" + field + "' is missing");
		}
		return value;
	}


}
