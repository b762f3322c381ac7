package io.github.ucgroups.browser;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * One broken rule of a posted group, naming the file it concerns.
 *
 * @param rule the rule
 * @param fileIndex the zero-based index of the file in the group, or -1 for the group as a whole
 * @param fileUuid the file's UUID, if it concerns one file
 * @param message what was wrong, for people (names the file and the rule; never a secret)
 */
public record Violation(Rule rule, int fileIndex, @Nullable String fileUuid, String message) {

	/**
	 * Creates a violation.
	 * @param rule the rule
	 * @param fileIndex the file index or -1
	 * @param fileUuid the file UUID or {@code null}
	 * @param message the message
	 */
	public Violation {
		Objects.requireNonNull(rule, "rule must not be null");
		Objects.requireNonNull(message, "message must not be null");
	}

	/** The rules {@link GroupVerifier} checks. */
	public enum Rule {

		/** The group is not a group of this project (or does not exist). */
		GROUP_NOT_FOUND,

		/** Posted files are not files of this project. */
		FILES_NOT_FOUND,

		/** Too few or too many files. */
		FILE_COUNT,

		/** The group's {@code files_count} differs from the {@code N} of its id. */
		FILES_COUNT_MISMATCH,

		/** A file of the group was removed. */
		FILE_REMOVED,

		/** A file's MIME type is not accepted. */
		FILE_TYPE,

		/** A file is not an image, and only images are accepted. */
		NOT_AN_IMAGE,

		/** A file is larger than allowed. */
		FILE_TOO_LARGE,

		/** A file is not fully uploaded and processed. */
		FILE_NOT_READY,

		/** Uploadcare could not store a file of the verified group. */
		NOT_STORED

	}

}
