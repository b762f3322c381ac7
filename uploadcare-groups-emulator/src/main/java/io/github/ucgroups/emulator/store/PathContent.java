package io.github.ucgroups.emulator.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Content held in one or more temporary files, read one after the other. */
final class PathContent implements FileContent {

	private final List<Path> paths;

	private final long size;

	PathContent(List<Path> paths, long size) {
		this.paths = List.copyOf(paths);
		this.size = size;
	}

	@Override
	public long size() {
		return this.size;
	}

	@Override
	public InputStream open() throws IOException {
		List<InputStream> streams = new ArrayList<>(this.paths.size());
		try {
			for (Path path : this.paths) {
				streams.add(Files.newInputStream(path));
			}
		}
		catch (IOException ex) {
			for (InputStream stream : streams) {
				stream.close();
			}
			throw ex;
		}
		return new SequenceInputStream(Collections.enumeration(streams));
	}

	void delete() {
		for (Path path : this.paths) {
			try {
				Files.deleteIfExists(path);
			}
			catch (IOException ex) {
				// deleted with the temporary directory on close
			}
		}
	}

}
