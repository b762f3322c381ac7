package io.github.ucgroups;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import org.springframework.core.io.AbstractResource;
import org.springframework.core.io.Resource;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.MediaTypeFactory;
import org.springframework.web.multipart.MultipartFile;

/** The implementations behind the {@link UploadSource} factories. */
final class UploadSources {

	private UploadSources() {
	}

	/** Opens a fresh stream over the whole content. */
	@FunctionalInterface
	interface StreamOpener {

		InputStream open() throws IOException;

	}

	static String fileName(Path path) {
		Path name = path.getFileName();
		return filenameOr((name != null) ? name.toString() : null, "file");
	}

	static String filenameOr(@Nullable String filename, String fallback) {
		if (filename == null) {
			return fallback;
		}
		// Old Windows browsers sent whole client paths (C:\Users\…\photo.jpg): keep the last
		// segment. Any other name is kept exactly as given, slashes included, so nothing is lost.
		String clean = filename.substring(filename.lastIndexOf('\\') + 1);
		return clean.isBlank() ? fallback : clean;
	}

	static String guessContentType(String filename) {
		return MediaTypeFactory.getMediaType(filename).map(MediaType::toString).orElse(UploadSource.DEFAULT_CONTENT_TYPE);
	}

	static UploadSource ofResource(Resource resource, String filename, String contentType) {
		Objects.requireNonNull(resource, "resource must not be null");
		if (resource.isFile()) {
			try {
				File file = resource.getFile();
				if (file.isFile() && file.canRead()) {
					return new PathSource(file.toPath(), filename, contentType);
				}
			}
			catch (IOException ex) {
				// not backed by a file after all: read it as a stream below
			}
		}
		if (resource.isOpen()) {
			// AbstractResource#contentLength() would read a one-shot stream to count it, and
			// leave nothing to upload: only a length the resource really knows is accepted.
			if (!overridesContentLength(resource)) {
				throw new IllegalArgumentException("The size of " + resource.getDescription() + " is unknown: "
						+ "an InputStreamResource can be read only once; use UploadSource.of(InputStream, length, "
						+ "filename, contentType) instead");
			}
			long length = contentLength(resource);
			return new OneShotSource(resource::getInputStream, length, filename, contentType);
		}
		if (!resource.exists()) {
			throw new IllegalArgumentException("Resource does not exist: " + resource.getDescription());
		}
		return new StreamSource(resource::getInputStream, contentLength(resource), filename, contentType);
	}

	static UploadSource ofMultipartFile(MultipartFile file) {
		Objects.requireNonNull(file, "file must not be null");
		String filename = filenameOr(file.getOriginalFilename(), filenameOr(file.getName(), "file"));
		String contentType = (file.getContentType() != null && !file.getContentType().isBlank())
				? file.getContentType() : guessContentType(filename);
		Resource resource = file.getResource();
		if (resource.isFile()) {
			try {
				Path path = resource.getFile().toPath();
				if (Files.isRegularFile(path) && Files.size(path) == file.getSize()) {
					return new PathSource(path, filename, contentType);
				}
			}
			catch (IOException | UnsupportedOperationException ex) {
				// fall back to streams
			}
		}
		return new StreamSource(file::getInputStream, file.getSize(), filename, contentType);
	}

	private static boolean overridesContentLength(Resource resource) {
		try {
			return resource.getClass().getMethod("contentLength").getDeclaringClass() != AbstractResource.class;
		}
		catch (NoSuchMethodException ex) {
			return false;
		}
	}

	private static long contentLength(Resource resource) {
		try {
			long length = resource.contentLength();
			if (length < 0) {
				throw new IllegalArgumentException("The size of " + resource.getDescription() + " is unknown");
			}
			return length;
		}
		catch (IOException ex) {
			throw new IllegalArgumentException(
					"The size of " + resource.getDescription() + " cannot be determined: " + ex.getMessage(), ex);
		}
	}

	/** Common checks and accessors. */
	abstract static class AbstractSource implements UploadSource {

		private final String filename;

		private final String contentType;

		final long size;

		AbstractSource(String filename, String contentType, long size) {
			if (filename == null || filename.isBlank()) {
				throw new IllegalArgumentException("The file name must not be blank");
			}
			Objects.requireNonNull(contentType, "contentType must not be null");
			try {
				MediaType.parseMediaType(contentType);
			}
			catch (InvalidMediaTypeException ex) {
				throw new IllegalArgumentException(
						"Malformed content type '" + Strings.abbreviate(contentType) + "' of " + filename, ex);
			}
			this.filename = filename;
			this.contentType = contentType;
			this.size = size;
		}

		@Override
		public String filename() {
			return this.filename;
		}

		@Override
		public String contentType() {
			return this.contentType;
		}

		@Override
		public long size() {
			return this.size;
		}

		void checkRange(long offset, long length) {
			if (offset < 0 || length < 0 || offset + length > this.size) {
				throw new IndexOutOfBoundsException("Range " + offset + "+" + length + " outside of " + this.filename
						+ " (" + this.size + " bytes)");
			}
		}

		@Override
		public String toString() {
			return getClass().getSimpleName() + "[" + this.filename + ", " + this.contentType + ", " + this.size
					+ " bytes]";
		}

	}

	/** A file read by position, one channel per range. */
	static final class PathSource extends AbstractSource {

		private final Path path;

		PathSource(Path path, String filename, String contentType) {
			super(filename, contentType, sizeOf(path));
			this.path = path;
		}

		private static long sizeOf(Path path) {
			try {
				return Files.size(path);
			}
			catch (IOException ex) {
				throw new IllegalArgumentException("Cannot read the size of " + path + ": " + ex.getMessage(), ex);
			}
		}

		@Override
		public InputStream open(long offset, long length) throws IOException {
			checkRange(offset, length);
			return new RangeStreams.ChannelRangeInputStream(FileChannel.open(this.path, StandardOpenOption.READ), offset, length);
		}

	}

	/** Content that opens a fresh stream each time; ranges skip to their offset. */
	static final class StreamSource extends AbstractSource {

		private final StreamOpener opener;

		StreamSource(StreamOpener opener, long size, String filename, String contentType) {
			super(filename, contentType, size);
			this.opener = opener;
		}

		@Override
		public InputStream open(long offset, long length) throws IOException {
			checkRange(offset, length);
			InputStream in = this.opener.open();
			try {
				in.skipNBytes(offset);
			}
			catch (IOException | RuntimeException ex) {
				in.close();
				throw ex;
			}
			return new RangeStreams.RangeInputStream(in, length, true);
		}

	}

	/** Bytes in memory. */
	static final class BytesSource extends AbstractSource {

		private final byte[] content;

		BytesSource(byte[] content, String filename, String contentType) {
			super(filename, contentType, content.length);
			this.content = content;
		}

		@Override
		public InputStream open(long offset, long length) {
			checkRange(offset, length);
			return new ByteArrayInputStream(this.content, (int) offset, (int) length);
		}

	}

	/** A stream read once, in order. */
	static final class OneShotSource extends AbstractSource {

		private final StreamOpener opener;

		private @Nullable InputStream stream;

		private long position;

		OneShotSource(StreamOpener opener, long size, String filename, String contentType) {
			super(filename, contentType, size);
			this.opener = opener;
		}

		@Override
		public boolean isRepeatable() {
			return false;
		}

		@Override
		public synchronized InputStream open(long offset, long length) throws IOException {
			checkRange(offset, length);
			if (offset != this.position) {
				throw new IllegalStateException("The stream of " + filename() + " can be read only once and in order: "
						+ "asked for offset " + offset + " while at " + this.position);
			}
			if (this.stream == null) {
				this.stream = this.opener.open();
			}
			this.position = offset + length;
			// Closing the range skips what was not read, so the next range starts at its offset.
			return new RangeStreams.RangeInputStream(this.stream, length, false);
		}

	}

}
