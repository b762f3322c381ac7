package io.github.ucgroups.emulator.store;

import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A file held by the emulator. Immutable: storing or removing a file replaces its record.
 *
 * @param uuid the file UUID
 * @param originalFilename the file name as uploaded
 * @param mimeType the MIME type
 * @param size the size in bytes
 * @param uploaded when the file was uploaded
 * @param stored when the file was stored, or {@code null} while it is not
 * @param metadata the file's metadata
 * @param imageInfo image dimensions and format, or {@code null} when it is not a readable image
 * @param content the bytes
 */
public record StoredFile(String uuid, String originalFilename, String mimeType, long size, Instant uploaded,
		@Nullable Instant stored, Map<String, String> metadata, @Nullable ImageInfo imageInfo, FileContent content) {

	/**
	 * Creates the record, copying the collections.
	 * @param uuid see the record component
	 * @param originalFilename see the record component
	 * @param mimeType see the record component
	 * @param size see the record component
	 * @param uploaded see the record component
	 * @param stored see the record component
	 * @param metadata see the record component
	 * @param imageInfo see the record component
	 * @param content see the record component
	 */
	public StoredFile {
		metadata = Map.copyOf(metadata);
	}

	/**
	 * Tells whether the file is stored (kept permanently).
	 * @return {@code true} once stored
	 */
	public boolean isStored() {
		return this.stored != null;
	}

	/**
	 * Returns the file name as Uploadcare sanitises it: only ASCII letters, digits, {@code _},
	 * {@code .} and {@code -} are kept ({@code logo (1).png} becomes {@code logo1.png}).
	 * @return the sanitised file name, never empty
	 */
	public String filename() {
		StringBuilder name = new StringBuilder();
		for (char c : this.originalFilename.toCharArray()) {
			if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '.'
					|| c == '-') {
				name.append(c);
			}
		}
		return name.isEmpty() ? "file" : name.toString();
	}

	/**
	 * Returns a copy with a different storage time.
	 * @param storedAt the new storage time, or {@code null} for not stored
	 * @return the new record
	 */
	public StoredFile withStored(@Nullable Instant storedAt) {
		return new StoredFile(this.uuid, this.originalFilename, this.mimeType, this.size, this.uploaded, storedAt,
				this.metadata, this.imageInfo, this.content);
	}

}
