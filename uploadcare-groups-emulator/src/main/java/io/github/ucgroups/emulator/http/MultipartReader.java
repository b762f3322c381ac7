package io.github.ucgroups.emulator.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A streaming {@code multipart/form-data} reader: each part's body is read straight from the
 * request stream through a fixed buffer, so large file parts are never held in memory.
 */
final class MultipartReader {

	private static final int MAX_HEADER_LINE = 16 * 1024;

	private final InputStream in;

	private final byte[] delimiter;

	private final byte[] buf;

	private int pos;

	private int lim;

	private boolean eof;

	private boolean finished;

	private @Nullable PartStream current;

	MultipartReader(InputStream in, String boundary) {
		this.in = in;
		this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
		this.buf = new byte[64 * 1024 + this.delimiter.length];
		// A virtual CRLF before the body makes the first boundary look like all the others.
		this.buf[0] = '\r';
		this.buf[1] = '\n';
		this.lim = 2;
	}

	/**
	 * Returns the next part, draining the rest of the previous one.
	 * @return the part or {@code null} after the closing boundary
	 * @throws IOException on I/O errors or a malformed body
	 */
	@Nullable Part next() throws IOException {
		if (this.finished) {
			return null;
		}
		PartStream previous = (this.current != null) ? this.current : new PartStream();
		previous.drain();
		if (!fill(2)) {
			throw new IOException("Malformed multipart body: truncated after a boundary");
		}
		if (this.buf[this.pos] == '-' && this.buf[this.pos + 1] == '-') {
			this.finished = true;
			return null;
		}
		readLine();
		Map<String, String> headers = new LinkedHashMap<>();
		for (int count = 0;; count++) {
			String line = readLine();
			if (line.isEmpty()) {
				break;
			}
			if (count > 100) {
				throw new IOException("Malformed multipart body: too many part headers");
			}
			int colon = line.indexOf(':');
			if (colon > 0) {
				headers.put(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), line.substring(colon + 1).strip());
			}
		}
		this.current = new PartStream();
		return new Part(headers, this.current);
	}

	private boolean fill(int need) throws IOException {
		if (this.lim - this.pos >= need) {
			return true;
		}
		if (this.pos > 0) {
			System.arraycopy(this.buf, this.pos, this.buf, 0, this.lim - this.pos);
			this.lim -= this.pos;
			this.pos = 0;
		}
		while (this.lim - this.pos < need && !this.eof) {
			int n = this.in.read(this.buf, this.lim, this.buf.length - this.lim);
			if (n < 0) {
				this.eof = true;
			}
			else {
				this.lim += n;
			}
		}
		return this.lim - this.pos >= need;
	}

	private int indexOfDelimiter() {
		byte first = this.delimiter[0];
		int last = this.lim - this.delimiter.length;
		outer: for (int i = this.pos; i <= last; i++) {
			if (this.buf[i] != first) {
				continue;
			}
			for (int j = 1; j < this.delimiter.length; j++) {
				if (this.buf[i + j] != this.delimiter[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

	private String readLine() throws IOException {
		ByteArrayOutputStream line = new ByteArrayOutputStream();
		while (true) {
			if (!fill(1)) {
				throw new IOException("Malformed multipart body: truncated part headers");
			}
			byte b = this.buf[this.pos++];
			if (b == '\n') {
				byte[] bytes = line.toByteArray();
				int length = (bytes.length > 0 && bytes[bytes.length - 1] == '\r') ? bytes.length - 1 : bytes.length;
				return new String(bytes, 0, length, StandardCharsets.UTF_8);
			}
			line.write(b);
			if (line.size() > MAX_HEADER_LINE) {
				throw new IOException("Malformed multipart body: part header line too long");
			}
		}
	}

	/**
	 * One part: its headers (names in lower case) and its body stream.
	 *
	 * @param headers the part headers
	 * @param body the body, valid until the next call of {@link MultipartReader#next()}
	 */
	record Part(Map<String, String> headers, InputStream body) {

		@Nullable String name() {
			return dispositionParameter("name");
		}

		@Nullable String filename() {
			return dispositionParameter("filename");
		}

		@Nullable String contentType() {
			return this.headers.get("content-type");
		}

		private @Nullable String dispositionParameter(String parameter) {
			String disposition = this.headers.get("content-disposition");
			return (disposition != null) ? HeaderParameters.get(disposition, parameter) : null;
		}

	}

	private final class PartStream extends InputStream {

		private boolean done;

		@Override
		public int read() throws IOException {
			byte[] one = new byte[1];
			int n = read(one, 0, 1);
			return (n < 0) ? -1 : (one[0] & 0xff);
		}

		@Override
		public int read(byte[] b, int off, int len) throws IOException {
			if (this.done) {
				return -1;
			}
			if (len == 0) {
				return 0;
			}
			fill(MultipartReader.this.delimiter.length);
			int index = indexOfDelimiter();
			int available;
			if (index >= 0) {
				available = index - MultipartReader.this.pos;
			}
			else if (MultipartReader.this.eof) {
				throw new IOException("Malformed multipart body: closing boundary missing");
			}
			else {
				available = MultipartReader.this.lim - MultipartReader.this.pos - (MultipartReader.this.delimiter.length - 1);
			}
			if (available == 0) {
				MultipartReader.this.pos += MultipartReader.this.delimiter.length;
				this.done = true;
				return -1;
			}
			int n = Math.min(len, available);
			System.arraycopy(MultipartReader.this.buf, MultipartReader.this.pos, b, off, n);
			MultipartReader.this.pos += n;
			return n;
		}

		void drain() throws IOException {
			byte[] skip = new byte[8192];
			while (read(skip, 0, skip.length) >= 0) {
				// discard
			}
		}

	}

}
