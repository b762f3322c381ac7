package io.github.ucgroups.emulator.store;

import java.io.IOException;
import java.io.InputStream;

/**
 * The bytes of a stored file, held in memory or in temporary files.
 */
public interface FileContent {

	/**
	 * Returns the number of bytes.
	 * @return the size in bytes
	 */
	long size();

	/**
	 * Opens a new stream over the bytes; the caller closes it.
	 * @return a fresh stream positioned at the first byte
	 * @throws IOException if a temporary file cannot be read
	 */
	InputStream open() throws IOException;

	/**
	 * Reads all bytes into an array; meant for small files in tests.
	 * @return the bytes
	 * @throws IOException if a temporary file cannot be read
	 */
	default byte[] bytes() throws IOException {
		try (InputStream in = open()) {
			return in.readAllBytes();
		}
	}

}
