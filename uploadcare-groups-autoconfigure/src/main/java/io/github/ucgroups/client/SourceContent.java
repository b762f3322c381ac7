package io.github.ucgroups.client;

import java.io.IOException;
import java.io.InputStream;
import java.util.function.Supplier;

import io.github.ucgroups.UploadSource;
import io.github.ucgroups.UploadcareException;

import org.springframework.core.io.AbstractResource;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;

/**
 * The content of one request body taken from an {@link UploadSource}, fresh for every attempt:
 * a view of the source's byte range when it can be read again, else the range read once into
 * memory (at most one part per request in flight, so memory stays bounded).
 */
final class SourceContent {

	private SourceContent() {
	}

	/**
	 * Returns what supplies the body of each attempt.
	 * @param source the source
	 * @param offset the first byte
	 * @param length how many bytes
	 * @param operation the operation, for errors
	 * @return the body supplier
	 * @throws UploadcareException if a one-shot source cannot be read
	 */
	static Supplier<Resource> of(UploadSource source, long offset, long length, String operation) {
		if (source.isRepeatable()) {
			return () -> new SourceRangeResource(source, offset, length);
		}
		byte[] bytes = read(source, offset, length, operation);
		String filename = source.filename();
		return () -> new ByteArrayResource(bytes) {
			@Override
			public String getFilename() {
				return filename;
			}
		};
	}

	private static byte[] read(UploadSource source, long offset, long length, String operation) {
		try (InputStream in = source.open(offset, length)) {
			byte[] bytes = in.readNBytes(Math.toIntExact(length));
			if (bytes.length != length) {
				throw new UploadcareException(operation, 0, null, "the content of '" + source.filename()
						+ "' ended after " + (offset + bytes.length) + " of " + source.size() + " bytes", null);
			}
			return bytes;
		}
		catch (IOException ex) {
			throw new UploadcareException(operation, 0, null,
					"could not read '" + source.filename() + "': " + ex.getMessage(), ex);
		}
	}

	/** A byte range of a source, opened afresh for every attempt. */
	private static final class SourceRangeResource extends AbstractResource {

		private final UploadSource source;

		private final long offset;

		private final long length;

		SourceRangeResource(UploadSource source, long offset, long length) {
			this.source = source;
			this.offset = offset;
			this.length = length;
		}

		@Override
		public InputStream getInputStream() throws IOException {
			return this.source.open(this.offset, this.length);
		}

		@Override
		public boolean exists() {
			return true;
		}

		@Override
		public long contentLength() {
			return this.length;
		}

		@Override
		public String getFilename() {
			return this.source.filename();
		}

		@Override
		public String getDescription() {
			return "bytes " + this.offset + "+" + this.length + " of " + this.source.filename();
		}

	}

}
