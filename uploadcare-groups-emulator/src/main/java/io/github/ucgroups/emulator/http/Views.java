package io.github.ucgroups.emulator.http;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.ucgroups.emulator.store.EmulatorStore;
import io.github.ucgroups.emulator.store.GroupEntry;
import io.github.ucgroups.emulator.store.ImageInfo;
import io.github.ucgroups.emulator.store.RemovedFile;
import io.github.ucgroups.emulator.store.StoredFile;
import io.github.ucgroups.emulator.store.StoredGroup;
import org.jspecify.annotations.Nullable;

/** JSON representations, with the field names and types of recorded real responses. */
final class Views {

	static final DateTimeFormatter DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
		.withZone(ZoneOffset.UTC);

	private final EmulatorStore store;

	private final URI cdnBase;

	private final URI restBase;

	Views(EmulatorStore store, URI cdnBase, URI restBase) {
		this.store = store;
		this.cdnBase = cdnBase;
		this.restBase = restBase;
	}

	static @Nullable String datetime(@Nullable Instant instant) {
		return (instant != null) ? DATETIME.format(instant) : null;
	}

	/** An Upload API file info object (as in a group's {@code files}). */
	Map<String, @Nullable Object> uploadFile(StoredFile file, @Nullable String defaultEffects, boolean withMetadata) {
		Map<String, @Nullable Object> view = new LinkedHashMap<>();
		view.put("size", file.size());
		view.put("total", file.size());
		view.put("done", file.size());
		view.put("uuid", file.uuid());
		view.put("file_id", file.uuid());
		view.put("original_filename", file.originalFilename());
		view.put("is_image", file.imageInfo() != null);
		view.put("is_stored", file.isStored());
		view.put("image_info", imageInfo(file.imageInfo()));
		view.put("video_info", null);
		view.put("is_ready", true);
		view.put("filename", file.filename());
		view.put("mime_type", file.mimeType());
		if (defaultEffects != null) {
			view.put("default_effects", defaultEffects);
		}
		if (withMetadata) {
			view.put("metadata", new LinkedHashMap<>(file.metadata()));
		}
		return view;
	}

	/** A REST API v0.7 file object. */
	Map<String, @Nullable Object> restFile(StoredFile file, @Nullable String defaultEffects) {
		return restFile(file, defaultEffects, null);
	}

	/** A REST API v0.7 file object, with {@code datetime_removed} set for a deleted file. */
	Map<String, @Nullable Object> restFile(StoredFile file, @Nullable String defaultEffects,
			@Nullable Instant removed) {
		Map<String, @Nullable Object> view = new LinkedHashMap<>();
		view.put("datetime_removed", datetime(removed));
		view.put("datetime_stored", datetime(file.stored()));
		view.put("datetime_uploaded", datetime(file.uploaded()));
		view.put("is_image", file.imageInfo() != null);
		view.put("is_ready", true);
		view.put("mime_type", file.mimeType());
		view.put("original_file_url", this.cdnBase + "/" + file.uuid() + "/" + file.filename());
		view.put("original_filename", file.originalFilename());
		view.put("size", file.size());
		view.put("url", this.restBase + "/files/" + file.uuid() + "/");
		view.put("uuid", file.uuid());
		view.put("variations", null);
		view.put("content_info", null);
		view.put("metadata", new LinkedHashMap<>(file.metadata()));
		view.put("appdata", null);
		if (defaultEffects != null) {
			view.put("default_effects", defaultEffects);
		}
		return view;
	}

	/** A group object, with or without {@code files}, for the Upload API or REST. */
	Map<String, @Nullable Object> group(StoredGroup group, boolean withFiles, boolean rest) {
		Map<String, @Nullable Object> view = new LinkedHashMap<>();
		view.put("id", group.id());
		view.put("datetime_created", datetime(group.created()));
		view.put("datetime_stored", null);
		view.put("files_count", group.filesCount());
		view.put("cdn_url", this.cdnBase + "/" + group.id() + "/");
		view.put("url", this.restBase + "/groups/" + group.id() + "/");
		if (withFiles) {
			List<@Nullable Object> files = new ArrayList<>();
			for (GroupEntry entry : group.entries()) {
				files.add(groupFile(entry, rest));
			}
			view.put("files", files);
		}
		return view;
	}

	/**
	 * A group's file: live, deleted (an object with {@code datetime_removed}, as real REST
	 * answers show recently deleted files) or purged ({@code null}).
	 */
	private @Nullable Map<String, @Nullable Object> groupFile(GroupEntry entry, boolean rest) {
		StoredFile file = this.store.file(entry.fileUuid()).orElse(null);
		if (file != null) {
			return rest ? restFile(file, entry.defaultEffects()) : uploadFile(file, entry.defaultEffects(), false);
		}
		RemovedFile removed = this.store.removedFile(entry.fileUuid()).orElse(null);
		if (removed == null) {
			return null;
		}
		if (rest) {
			return restFile(removed.file(), entry.defaultEffects(), removed.removed());
		}
		Map<String, @Nullable Object> view = uploadFile(removed.file(), entry.defaultEffects(), false);
		view.put("datetime_removed", datetime(removed.removed()));
		return view;
	}

	private static @Nullable Map<String, @Nullable Object> imageInfo(@Nullable ImageInfo info) {
		if (info == null) {
			return null;
		}
		Map<String, @Nullable Object> view = new LinkedHashMap<>();
		view.put("width", info.width());
		view.put("height", info.height());
		view.put("format", info.format());
		view.put("color_mode", null);
		view.put("geo_location", null);
		view.put("orientation", null);
		view.put("dpi", null);
		view.put("datetime_original", null);
		view.put("sequence", false);
		return view;
	}

}
