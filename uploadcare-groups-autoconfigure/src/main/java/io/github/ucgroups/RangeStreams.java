package io.github.ucgroups;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * The streams over one range of a source's content that {@link UploadSources} hands out for
 * multipart parts: a range of a stream that is read in order, and a range of a file read by
 * offset (parts of one file in parallel).
 */
final class RangeStreams {

	private RangeStreams() {
	}

	/** Reads {@code length} bytes of a stream; closing it skips the rest of the range. */
	static final class RangeInputStream extends InputStream {

		private final InputStream in;

		private final boolean closeUnderlying;

		private long remaining;

		RangeInputStream(InputStream in, long length, boolean closeUnderlying) {
			this.in = in;
			this.remaining = length;
			this.closeUnderlying = closeUnderlying;
		}

		@Override
		public int read() throws IOException {
			if (this.remaining <= 0) {
				return -1;
			}
			int b = this.in.read();
			if (b >= 0) {
				this.remaining--;
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int off, int len) throws IOException {
			if (this.remaining <= 0) {
				return -1;
			}
			int n = this.in.read(buffer, off, (int) Math.min(len, this.remaining));
			if (n > 0) {
				this.remaining -= n;
			}
			return n;
		}

		@Override
		public int available() throws IOException {
			return (int) Math.min(this.in.available(), this.remaining);
		}

		@Override
		public void close() throws IOException {
			if (this.closeUnderlying) {
				this.in.close();
			}
			else if (this.remaining > 0) {
				long skipped = this.in.skip(this.remaining);
				while (skipped > 0 && (this.remaining -= skipped) > 0) {
					skipped = this.in.skip(this.remaining);
				}
				this.remaining = 0;
			}
		}

	}

	/** Reads a range of a file channel by position; closing it closes the channel. */
	static final class ChannelRangeInputStream extends InputStream {

		private final FileChannel channel;

		private long position;

		private final long end;

		ChannelRangeInputStream(FileChannel channel, long offset, long length) {
			this.channel = channel;
			this.position = offset;
			this.end = offset + length;
		}

		@Override
		public int read() throws IOException {
			byte[] one = new byte[1];
			int n = read(one, 0, 1);
			return (n <= 0) ? -1 : (one[0] & 0xff);
		}

		@Override
		public int read(byte[] buffer, int off, int len) throws IOException {
			if (this.position >= this.end) {
				return -1;
			}
			if (len == 0) {
				return 0;
			}
			int n = this.channel.read(ByteBuffer.wrap(buffer, off, (int) Math.min(len, this.end - this.position)),
					this.position);
			if (n > 0) {
				this.position += n;
			}
			return n;
		}

		@Override
		public void close() throws IOException {
			this.channel.close();
		}

	}

}
