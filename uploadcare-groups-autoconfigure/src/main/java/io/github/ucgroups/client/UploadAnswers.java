package io.github.ucgroups.client;

import java.net.URI;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import io.github.ucgroups.FileRef;
import io.github.ucgroups.UploadSource;
import io.github.ucgroups.UploadcareServerException;
import io.github.ucgroups.UploadedFile;
import io.github.ucgroups.http.JsonFields;

/** Reads the Upload API's answers to uploads: file UUIDs and file info. */
final class UploadAnswers {

	private UploadAnswers() {
	}

	/**
	 * Returns the file UUID in a field of an answer.
	 * @param operation the operation, for errors
	 * @param json the answer
	 * @param field the field, e.g. {@code file}
	 * @return the UUID
	 * @throws UploadcareServerException if the field holds no UUID
	 */
	static String requiredUuid(String operation, JsonNode json, String field) {
		String uuid = JsonFields.text(json, field);
		if (uuid == null || !FileRef.isUuid(uuid)) {
			throw new UploadcareServerException(operation, 200, null,
					"the answer has no file UUID in '" + field + "'", null);
		}
		return uuid;
	}

	/**
	 * Returns the UUID of a file info object ({@code uuid}, else {@code file_id}).
	 * @param json the file info
	 * @return the UUID, or {@code null}
	 */
	static @Nullable String uuidOf(JsonNode json) {
		String uuid = JsonFields.text(json, "uuid");
		return (uuid != null) ? uuid : JsonFields.text(json, "file_id");
	}

	/**
	 * Reads the file of a file info object of an upload from a URL.
	 * @param operation the operation, for errors
	 * @param json the file info
	 * @param url the URL it was fetched from (its last segment names the file when nothing else
	 * does)
	 * @return the file
	 * @throws UploadcareServerException if there is no file UUID
	 */
	static UploadedFile fileFromInfo(String operation, JsonNode json, URI url) {
		String uuid = uuidOf(json);
		if (uuid == null || !FileRef.isUuid(uuid)) {
			throw new UploadcareServerException(operation, 200, null, "the answer has no file UUID", null);
		}
		String filename = JsonFields.text(json, "original_filename");
		if (filename == null) {
			filename = JsonFields.text(json, "filename");
		}
		if (filename == null) {
			String path = (url.getPath() != null) ? url.getPath() : "";
			filename = path.substring(path.lastIndexOf('/') + 1);
		}
		String mimeType = JsonFields.text(json, "mime_type");
		return new UploadedFile(uuid, filename.isEmpty() ? "file" : filename, json.path("size").asLong(0),
				(mimeType != null) ? mimeType : UploadSource.DEFAULT_CONTENT_TYPE);
	}

}
