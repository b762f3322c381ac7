package io.github.ucgroups.emulator.store;

import java.io.ByteArrayInputStream;
import java.io.InputStream;

/** Content held in a byte array. */
final class MemoryContent implements FileContent {

	private final byte[] bytes;

	MemoryContent(byte[] bytes) {
		this.bytes = bytes;
	}

	@Override
	public long size() {
		return this.bytes.length;
	}

	@Override
	public InputStream open() {
		return new ByteArrayInputStream(this.bytes);
	}

	@Override
	public byte[] bytes() {
		return this.bytes.clone();
	}

}
