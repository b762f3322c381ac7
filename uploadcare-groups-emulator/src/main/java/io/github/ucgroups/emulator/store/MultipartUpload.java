package io.github.ucgroups.emulator.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReferenceArray;

import org.jspecify.annotations.Nullable;

/**
 * A multipart upload between {@code /multipart/start/} and {@code /multipart/complete/}.
 * Parts may arrive in any order and in parallel; each is streamed to its own temporary file.
 */
public final class MultipartUpload {

	private final String uuid;

	private final String token;

	private final String filename;

	private final String mimeType;

	private final long size;

	private final long partSize;

	private final boolean store;

	private final Map<String, String> metadata;

	private final AtomicReferenceArray<@Nullable Path> parts;

	private final AtomicLongArray partSizes;

	MultipartUpload(String uuid, String token, String filename, String mimeType, long size, long partSize,
			boolean store, Map<String, String> metadata) {
		this.uuid = uuid;
		this.token = token;
		this.filename = filename;
		this.mimeType = mimeType;
		this.size = size;
		this.partSize = partSize;
		this.store = store;
		this.metadata = Map.copyOf(metadata);
		int count = (int) ((size + partSize - 1) / partSize);
		this.parts = new AtomicReferenceArray<>(count);
		this.partSizes = new AtomicLongArray(count);
	}

	/**
	 * Returns the file UUID this upload will create.
	 * @return the UUID
	 */
	public String uuid() {
		return this.uuid;
	}

	/**
	 * Returns the secret token that part URLs carry.
	 * @return the token
	 */
	public String token() {
		return this.token;
	}

	/**
	 * Returns the declared file name.
	 * @return the file name
	 */
	public String filename() {
		return this.filename;
	}

	/**
	 * Returns the declared MIME type.
	 * @return the MIME type
	 */
	public String mimeType() {
		return this.mimeType;
	}

	/**
	 * Returns the declared total size.
	 * @return the size in bytes
	 */
	public long size() {
		return this.size;
	}

	/**
	 * Returns the part size.
	 * @return the part size in bytes
	 */
	public long partSize() {
		return this.partSize;
	}

	/**
	 * Tells whether the file is stored on completion.
	 * @return the store flag
	 */
	public boolean store() {
		return this.store;
	}

	/**
	 * Returns the metadata given at start.
	 * @return the metadata
	 */
	public Map<String, String> metadata() {
		return this.metadata;
	}

	/**
	 * Returns the number of parts.
	 * @return the part count
	 */
	public int partCount() {
		return this.parts.length();
	}

	/**
	 * Returns the number of bytes part {@code index} must have.
	 * @param index the zero-based part index
	 * @return the expected size
	 */
	public long expectedPartSize(int index) {
		return Math.min(this.partSize, this.size - index * this.partSize);
	}

	/**
	 * Streams one part's body into a temporary file, replacing an earlier upload of that part.
	 * @param index the zero-based part index
	 * @param body the body, read to its end
	 * @param tempFile a fresh temporary file to write to
	 * @return the number of bytes received
	 * @throws IOException if reading or writing fails
	 */
	public long receivePart(int index, InputStream body, Path tempFile) throws IOException {
		long received;
		try (OutputStream out = Files.newOutputStream(tempFile)) {
			received = body.transferTo(out);
		}
		Path previous = this.parts.getAndSet(index, tempFile);
		this.partSizes.set(index, received);
		if (previous != null) {
			Files.deleteIfExists(previous);
		}
		return received;
	}

	/**
	 * Tells whether every part has arrived with the expected size.
	 * @return {@code true} when the upload can be completed
	 */
	public boolean isComplete() {
		for (int i = 0; i < partCount(); i++) {
			if (this.parts.get(i) == null || this.partSizes.get(i) != expectedPartSize(i)) {
				return false;
			}
		}
		return true;
	}

	PathContent toContent() {
		java.util.List<Path> paths = new java.util.ArrayList<>();
		for (int i = 0; i < partCount(); i++) {
			paths.add(this.parts.get(i));
		}
		return new PathContent(paths, this.size);
	}

	void deleteParts() {
		for (int i = 0; i < partCount(); i++) {
			Path path = this.parts.get(i);
			if (path != null) {
				try {
					Files.deleteIfExists(path);
				}
				catch (IOException ex) {
					// deleted with the temporary directory on close
				}
			}
		}
	}

}
