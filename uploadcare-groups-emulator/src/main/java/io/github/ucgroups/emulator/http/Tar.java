package io.github.ucgroups.emulator.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * A minimal POSIX ustar writer for the CDN's {@code archive/tar/} (regular files only, names of
 * at most 100 bytes, which the CDN's sanitised ASCII file names are cut to).
 */
final class Tar {

	private static final int BLOCK = 512;

	private Tar() {
	}

	static void writeEntry(OutputStream out, String name, long size, Instant modified, InputStream content)
			throws IOException {
		byte[] header = new byte[BLOCK];
		byte[] nameBytes = name.getBytes(StandardCharsets.US_ASCII);
		System.arraycopy(nameBytes, 0, header, 0, Math.min(nameBytes.length, 100));
		octal(header, 100, 8, 0644);
		octal(header, 108, 8, 0);
		octal(header, 116, 8, 0);
		octal(header, 124, 12, size);
		octal(header, 136, 12, modified.getEpochSecond());
		for (int i = 148; i < 156; i++) {
			header[i] = ' ';
		}
		header[156] = '0';
		System.arraycopy("ustar\u000000".getBytes(StandardCharsets.US_ASCII), 0, header, 257, 8);
		long checksum = 0;
		for (byte b : header) {
			checksum += (b & 0xff);
		}
		octal(header, 148, 7, checksum);
		header[155] = ' ';
		out.write(header);
		long copied = content.transferTo(out);
		if (copied != size) {
			throw new IOException("File content of " + name + " has " + copied + " bytes, expected " + size);
		}
		int padding = (int) ((BLOCK - (size % BLOCK)) % BLOCK);
		out.write(new byte[padding]);
	}

	/** Writes the two zero blocks that end an archive. */
	static void finish(OutputStream out) throws IOException {
		out.write(new byte[2 * BLOCK]);
		out.flush();
	}

	/** A zero-padded octal number of {@code length - 1} digits and a NUL. */
	private static void octal(byte[] header, int offset, int length, long value) {
		String digits = Long.toOctalString(value);
		String padded = "0".repeat(Math.max(0, length - 1 - digits.length())) + digits;
		byte[] bytes = padded.getBytes(StandardCharsets.US_ASCII);
		System.arraycopy(bytes, 0, header, offset, length - 1);
		header[offset + length - 1] = 0;
	}

}
