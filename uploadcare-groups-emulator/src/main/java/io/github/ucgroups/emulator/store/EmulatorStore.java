package io.github.ucgroups.emulator.store;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

import org.jspecify.annotations.Nullable;

/**
 * The emulator's state, safe for concurrent use: files, groups and multipart uploads. Files up
 * to a configurable size stay in memory; larger ones are spilled to a temporary directory that
 * {@link #close()} deletes.
 */
public final class EmulatorStore implements AutoCloseable {

	private final long maxInMemoryFileSize;

	private final Clock clock;

	private final Map<String, StoredFile> files = new ConcurrentHashMap<>();

	private final Map<String, RemovedFile> removedFiles = new ConcurrentHashMap<>();

	private final Map<String, StoredGroup> groups = new ConcurrentHashMap<>();

	private final Map<String, MultipartUpload> uploads = new ConcurrentHashMap<>();

	private final AtomicLong lastGroupMicros = new AtomicLong();

	private final Object tempDirLock = new Object();

	private @Nullable Path tempDir;

	private volatile FileEventListener fileEvents = FileEventListener.NONE;

	/**
	 * Creates an empty store.
	 * @param maxInMemoryFileSize files larger than this many bytes go to temporary files
	 * @param clock the clock for upload and creation times
	 */
	public EmulatorStore(long maxInMemoryFileSize, Clock clock) {
		this.maxInMemoryFileSize = maxInMemoryFileSize;
		this.clock = clock;
	}

	/**
	 * Sets who is told of uploaded, stored and deleted files (the webhook deliveries).
	 * @param listener the listener
	 */
	public void setFileEventListener(FileEventListener listener) {
		this.fileEvents = Objects.requireNonNull(listener, "listener must not be null");
	}

	/**
	 * Reads a stream to its end into memory or, beyond the cap, a temporary file.
	 * @param in the stream
	 * @return the content
	 * @throws IOException if reading or spilling fails
	 */
	public FileContent readContent(InputStream in) throws IOException {
		ByteArrayOutputStream buffer = new ByteArrayOutputStream();
		byte[] chunk = new byte[8192];
		int n;
		while ((n = in.read(chunk)) >= 0) {
			if (buffer.size() + (long) n > this.maxInMemoryFileSize) {
				Path path = newTempFile();
				long size;
				try (OutputStream out = Files.newOutputStream(path)) {
					buffer.writeTo(out);
					out.write(chunk, 0, n);
					size = buffer.size() + (long) n + in.transferTo(out);
				}
				return new PathContent(List.of(path), size);
			}
			buffer.write(chunk, 0, n);
		}
		return new MemoryContent(buffer.toByteArray());
	}

	/**
	 * Releases content that was read but not turned into a file (its temporary file, if any).
	 * @param content the content
	 */
	public void discard(FileContent content) {
		if (content instanceof PathContent paths) {
			paths.delete();
		}
	}

	/**
	 * Adds a file.
	 * @param content the bytes
	 * @param originalFilename the file name as uploaded
	 * @param mimeType the MIME type
	 * @param store whether the file is stored at once
	 * @param metadata the file's metadata
	 * @return the new file
	 */
	public StoredFile addFile(FileContent content, String originalFilename, String mimeType, boolean store,
			Map<String, String> metadata) {
		return addFile(UUID.randomUUID().toString(), content, originalFilename, mimeType, store, metadata);
	}

	private StoredFile addFile(String uuid, FileContent content, String originalFilename, String mimeType,
			boolean store, Map<String, String> metadata) {
		Instant now = now();
		StoredFile file = new StoredFile(uuid, originalFilename, mimeType, content.size(), now, store ? now : null,
				metadata, imageInfo(content, mimeType), content);
		this.files.put(uuid, file);
		this.fileEvents.onFileEvent("file.uploaded", file, null);
		if (store) {
			this.fileEvents.onFileEvent("file.stored", file, null);
		}
		return file;
	}

	/**
	 * Looks a file up.
	 * @param uuid the file UUID, any case
	 * @return the file, if present
	 */
	public Optional<StoredFile> file(String uuid) {
		return Optional.ofNullable(this.files.get(uuid.toLowerCase(Locale.ROOT)));
	}

	/**
	 * Returns all files, oldest first.
	 * @return a snapshot of the files
	 */
	public List<StoredFile> files() {
		List<StoredFile> list = new ArrayList<>(this.files.values());
		list.sort(Comparator.comparing(StoredFile::uploaded));
		return list;
	}

	/**
	 * Marks a file as stored or not.
	 * @param uuid the file UUID
	 * @param stored whether it is stored
	 * @return the updated file, or empty if there is no such file
	 */
	public Optional<StoredFile> setStored(String uuid, boolean stored) {
		Instant now = now();
		boolean[] newlyStored = new boolean[1];
		StoredFile updated = this.files.computeIfPresent(uuid.toLowerCase(Locale.ROOT), (key, file) -> {
			newlyStored[0] = stored && !file.isStored();
			return file.withStored(stored ? (file.isStored() ? file.stored() : now) : null);
		});
		if (updated != null && newlyStored[0]) {
			this.fileEvents.onFileEvent("file.stored", updated, null);
		}
		return Optional.ofNullable(updated);
	}

	/**
	 * Deletes a file and its bytes, as {@code DELETE /files/storage/} does: it is gone from the
	 * Upload API and the CDN, but groups keep showing it as an object with
	 * {@code datetime_removed} (see {@link #removedFile(String)}).
	 * @param uuid the file UUID
	 * @return the deleted file, or empty if there is no such (live) file
	 */
	public Optional<RemovedFile> deleteFile(String uuid) {
		String key = uuid.toLowerCase(Locale.ROOT);
		StoredFile file = this.files.remove(key);
		if (file == null) {
			return Optional.empty();
		}
		deleteContent(file);
		RemovedFile removed = new RemovedFile(file, now());
		this.removedFiles.put(key, removed);
		this.fileEvents.onFileEvent("file.deleted", file, removed.removed());
		return Optional.of(removed);
	}

	/**
	 * Forgets a file entirely, as Uploadcare does long after deletion: groups then show
	 * {@code null} in its place.
	 * @param uuid the file UUID
	 * @return whether a live or deleted file was forgotten
	 */
	public boolean purgeFile(String uuid) {
		String key = uuid.toLowerCase(Locale.ROOT);
		StoredFile file = this.files.remove(key);
		if (file != null) {
			deleteContent(file);
		}
		return this.removedFiles.remove(key) != null || file != null;
	}

	/**
	 * Looks a deleted (not yet purged) file up.
	 * @param uuid the file UUID, any case
	 * @return the deleted file, if present
	 */
	public Optional<RemovedFile> removedFile(String uuid) {
		return Optional.ofNullable(this.removedFiles.get(uuid.toLowerCase(Locale.ROOT)));
	}

	private static void deleteContent(StoredFile file) {
		if (file.content() instanceof PathContent paths) {
			paths.delete();
		}
	}

	/**
	 * Creates a group with a fresh id {@code <uuid>~<N>} and a creation time later than every
	 * earlier group's.
	 * @param entries the files in order
	 * @return the new group
	 */
	public StoredGroup createGroup(List<GroupEntry> entries) {
		long micros = ChronoUnit.MICROS.between(Instant.EPOCH, now());
		long unique = this.lastGroupMicros.updateAndGet((last) -> Math.max(last + 1, micros));
		Instant created = Instant.EPOCH.plus(unique, ChronoUnit.MICROS);
		String id = UUID.randomUUID() + "~" + entries.size();
		StoredGroup group = new StoredGroup(id, created, entries);
		this.groups.put(id, group);
		return group;
	}

	/**
	 * Looks a group up.
	 * @param id the group id, any case
	 * @return the group, if present
	 */
	public Optional<StoredGroup> group(String id) {
		return Optional.ofNullable(this.groups.get(id.toLowerCase(Locale.ROOT)));
	}

	/**
	 * Returns all groups, oldest first.
	 * @return a snapshot of the groups
	 */
	public List<StoredGroup> groups() {
		List<StoredGroup> list = new ArrayList<>(this.groups.values());
		list.sort(Comparator.comparing(StoredGroup::created));
		return list;
	}

	/**
	 * Deletes a group object (not its files).
	 * @param id the group id
	 * @return {@code true} if it existed
	 */
	public boolean deleteGroup(String id) {
		return this.groups.remove(id.toLowerCase(Locale.ROOT)) != null;
	}

	/**
	 * Starts a multipart upload.
	 * @param filename the file name
	 * @param mimeType the MIME type
	 * @param size the total size
	 * @param partSize the part size
	 * @param store whether to store the file on completion
	 * @param metadata the metadata
	 * @return the upload
	 */
	public MultipartUpload startMultipart(String filename, String mimeType, long size, long partSize, boolean store,
			Map<String, String> metadata) {
		MultipartUpload upload = new MultipartUpload(UUID.randomUUID().toString(),
				UUID.randomUUID().toString().replace("-", ""), filename, mimeType, size, partSize, store, metadata);
		this.uploads.put(upload.uuid(), upload);
		return upload;
	}

	/**
	 * Looks a multipart upload up.
	 * @param uuid the upload's file UUID
	 * @return the upload, if started and not completed
	 */
	public Optional<MultipartUpload> multipart(String uuid) {
		return Optional.ofNullable(this.uploads.get(uuid.toLowerCase(Locale.ROOT)));
	}

	/**
	 * Completes a multipart upload into a file if every part arrived with its expected size.
	 * @param upload the upload
	 * @return the file, or empty when parts are missing or have wrong sizes
	 */
	public Optional<StoredFile> completeMultipart(MultipartUpload upload) {
		synchronized (upload) {
			StoredFile existing = this.files.get(upload.uuid());
			if (existing != null) {
				return Optional.of(existing);
			}
			if (!upload.isComplete()) {
				return Optional.empty();
			}
			StoredFile file = addFile(upload.uuid(), upload.toContent(), upload.filename(), upload.mimeType(),
					upload.store(), upload.metadata());
			this.uploads.remove(upload.uuid());
			return Optional.of(file);
		}
	}

	/**
	 * Creates a fresh file in the store's temporary directory.
	 * @return the new, empty file
	 * @throws IOException if it cannot be created
	 */
	public Path newTempFile() throws IOException {
		synchronized (this.tempDirLock) {
			if (this.tempDir == null) {
				this.tempDir = Files.createTempDirectory("uploadcare-emulator-");
			}
			return Files.createTempFile(this.tempDir, "content-", ".bin");
		}
	}

	/** Removes all files, groups and uploads and deletes their temporary files. */
	public void clear() {
		for (Iterator<StoredFile> it = this.files.values().iterator(); it.hasNext();) {
			StoredFile file = it.next();
			it.remove();
			if (file.content() instanceof PathContent paths) {
				paths.delete();
			}
		}
		this.removedFiles.clear();
		this.groups.clear();
		for (Iterator<MultipartUpload> it = this.uploads.values().iterator(); it.hasNext();) {
			it.next().deleteParts();
			it.remove();
		}
	}

	/** Clears the store and deletes its temporary directory. */
	@Override
	public void close() {
		clear();
		synchronized (this.tempDirLock) {
			if (this.tempDir != null) {
				try (Stream<Path> paths = Files.walk(this.tempDir)) {
					paths.sorted(Comparator.reverseOrder()).forEach((path) -> {
						try {
							Files.deleteIfExists(path);
						}
						catch (IOException ex) {
							throw new UncheckedIOException(ex);
						}
					});
				}
				catch (IOException | UncheckedIOException ex) {
					// best effort: the directory is under java.io.tmpdir
				}
				this.tempDir = null;
			}
		}
	}

	/**
	 * Returns the temporary directory, if one was created.
	 * @return the directory or {@code null}
	 */
	public @Nullable Path tempDirectory() {
		synchronized (this.tempDirLock) {
			return this.tempDir;
		}
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

	private static @Nullable ImageInfo imageInfo(FileContent content, String mimeType) {
		if (!mimeType.startsWith("image/") || content.size() > 64L * 1024 * 1024) {
			return null;
		}
		try (InputStream in = content.open(); ImageInputStream images = new MemoryCacheImageInputStream(in)) {
			Iterator<ImageReader> readers = ImageIO.getImageReaders(images);
			if (!readers.hasNext()) {
				return null;
			}
			ImageReader reader = readers.next();
			try {
				reader.setInput(images, true, true);
				String format = reader.getFormatName().toUpperCase(Locale.ROOT);
				return new ImageInfo(reader.getWidth(0), reader.getHeight(0), format.equals("JPG") ? "JPEG" : format);
			}
			finally {
				reader.dispose();
			}
		}
		catch (IOException | RuntimeException ex) {
			return null;
		}
	}

}
