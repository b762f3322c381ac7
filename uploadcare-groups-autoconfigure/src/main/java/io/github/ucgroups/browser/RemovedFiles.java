package io.github.ucgroups.browser;

import org.jspecify.annotations.Nullable;

import io.github.ucgroups.GroupFile;

/**
 * The one place that decides whether a group's file was removed. Today's model reports a removed
 * (purged) file as a {@code null} entry of {@code Group.files()}.
 */
final class RemovedFiles {

	private RemovedFiles() {
	}

	static boolean isRemoved(@Nullable GroupFile file) {
		return file == null;
	}

}
