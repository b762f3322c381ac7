package io.github.ucgroups;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

import org.springframework.core.io.Resource;
import org.springframework.web.multipart.MultipartFile;

/**
 * The content of one file to upload: its name, content type and size, and a way to read any
 * byte range of it. The upload service reads large files part by part, in parallel, so a
 * source never has to be held in memory as a whole.
 * <p>
 * The factories cover the usual origins:
 * <ul>
 * <li>{@link #of(Path)} and file-backed {@link Resource}s read each range straight from the
 * file by position ({@link java.nio.channels.FileChannel} positional reads), with no temporary
 * copy;</li>
 * <li>{@link #of(MultipartFile)} and other {@link Resource}s open a fresh stream per range and
 * skip to its offset (a file-backed resource is read by position);</li>
 * <li>{@link #of(byte[], String, String)} reads from the array;</li>
 * <li>{@link #of(InputStream, long, String, String)} is read once, in order, part by part: at
 * most (part concurrency × part size) bytes of it are buffered at a time.</li>
 * </ul>
 * Applications may implement this interface for other stores; implementations must allow
 * concurrent calls of {@link #open(long, long)} for different ranges unless
 * {@link #isRepeatable()} is {@code false}.
 */
public interface UploadSource {

	/** The content type used when none is given and none can be guessed from the name. */
	String DEFAULT_CONTENT_TYPE = "application/octet-stream";

	/**
	 * Returns the file name sent to Uploadcare (the file's {@code original_filename}).
	 * @return the file name, never blank
	 */
	String filename();

	/**
	 * Returns the content type sent with the file, such as {@code image/png}.
	 * @return the content type
	 */
	String contentType();

	/**
	 * Returns the size in bytes; it decides between a direct and a multipart upload.
	 * @return the size, or a negative number if it is unknown (such a source is refused)
	 */
	long size();

	/**
	 * Opens a stream over a byte range of the content. The caller closes it.
	 * @param offset the first byte, {@code 0 <= offset <= size()}
	 * @param length the number of bytes, {@code offset + length <= size()}
	 * @return a stream of exactly {@code length} bytes (fewer only if the content is shorter
	 * than declared)
	 * @throws IOException if the content cannot be read
	 * @throws IllegalStateException if the source is not repeatable and the range is not the
	 * next one in order
	 */
	InputStream open(long offset, long length) throws IOException;

	/**
	 * Tells whether any range can be read, any number of times, in any order. A one-shot
	 * stream source answers {@code false}: its ranges are read once and in order, and buffered
	 * so that a failed request can be retried.
	 * @return {@code true} unless the content can only be read once
	 */
	default boolean isRepeatable() {
		return true;
	}

	/**
	 * A file on a file system; the content type is guessed from the file name.
	 * @param path the file
	 * @return the source
	 * @throws IllegalArgumentException if the file does not exist or cannot be read
	 */
	static UploadSource of(Path path) {
		Objects.requireNonNull(path, "path must not be null");
		return of(path, UploadSources.guessContentType(UploadSources.fileName(path)));
	}

	/**
	 * A file on a file system with the given content type.
	 * @param path the file
	 * @param contentType the content type, such as {@code image/png}
	 * @return the source
	 * @throws IllegalArgumentException if the file does not exist or cannot be read, or the
	 * content type is malformed
	 */
	static UploadSource of(Path path, String contentType) {
		Objects.requireNonNull(path, "path must not be null");
		if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
			throw new IllegalArgumentException("Not a readable file: " + path);
		}
		return new UploadSources.PathSource(path, UploadSources.fileName(path), contentType);
	}

	/**
	 * A Spring {@link Resource}; the name comes from {@link Resource#getFilename()} and the
	 * content type is guessed from it. A file-backed resource is read by position; a resource
	 * that {@linkplain Resource#isOpen() is open} (an {@code InputStreamResource}) is read once,
	 * in order (it must report its {@code contentLength()} itself, else it is refused: counting
	 * would consume it); any other resource opens a fresh stream per range.
	 * @param resource the resource
	 * @return the source
	 * @throws IllegalArgumentException if the resource does not exist or its size is unknown
	 */
	static UploadSource of(Resource resource) {
		Objects.requireNonNull(resource, "resource must not be null");
		String filename = UploadSources.filenameOr(resource.getFilename(), "file");
		return of(resource, filename, UploadSources.guessContentType(filename));
	}

	/**
	 * A Spring {@link Resource} with the given name and content type.
	 * @param resource the resource
	 * @param filename the file name to send
	 * @param contentType the content type
	 * @return the source
	 * @throws IllegalArgumentException if the resource does not exist, its size is unknown, or
	 * the content type is malformed
	 */
	static UploadSource of(Resource resource, String filename, String contentType) {
		return UploadSources.ofResource(resource, filename, contentType);
	}

	/**
	 * A file received by a Spring MVC controller. Each range opens a fresh stream from
	 * {@link MultipartFile#getInputStream()} and skips to its offset (cheap for the disk-backed
	 * parts servlet containers keep); a file-backed {@link MultipartFile#getResource() resource}
	 * is read by position.
	 * @param file the received file
	 * @return the source
	 */
	static UploadSource of(MultipartFile file) {
		return UploadSources.ofMultipartFile(file);
	}

	/**
	 * Bytes in memory.
	 * @param content the bytes (not copied: do not change them during the upload)
	 * @param filename the file name to send
	 * @param contentType the content type
	 * @return the source
	 */
	static UploadSource of(byte[] content, String filename, String contentType) {
		Objects.requireNonNull(content, "content must not be null");
		return new UploadSources.BytesSource(content, filename, contentType);
	}

	/**
	 * A stream that can be read only once, such as a request body. It is read in order, part by
	 * part; each part is buffered (at most part concurrency × part size bytes in all, or the
	 * whole content for a direct upload below the multipart threshold) so that failed requests
	 * can be retried. The stream is not closed by the upload: its owner closes it.
	 * @param content the stream
	 * @param length the exact number of bytes the stream holds
	 * @param filename the file name to send
	 * @param contentType the content type
	 * @return the source
	 */
	static UploadSource of(InputStream content, long length, String filename, String contentType) {
		Objects.requireNonNull(content, "content must not be null");
		if (length < 0) {
			throw new IllegalArgumentException("The length of a stream source must be known; got " + length);
		}
		return new UploadSources.OneShotSource(() -> content, length, filename, contentType);
	}

}
