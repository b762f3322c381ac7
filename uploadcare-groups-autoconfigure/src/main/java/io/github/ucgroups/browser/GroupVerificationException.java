package io.github.ucgroups.browser;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import io.github.ucgroups.GroupId;

/**
 * A posted group (or posted files) broke the form's rules: {@link #getViolations()} names each
 * file and each rule. The message joins them, one sentence each.
 */
public class GroupVerificationException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final @Nullable GroupId groupId;

	private final List<Violation> violations;

	/**
	 * Creates the exception.
	 * @param groupId the group concerned, if one is known
	 * @param violations what was wrong, at least one
	 */
	public GroupVerificationException(@Nullable GroupId groupId, List<Violation> violations) {
		super(message(groupId, violations));
		this.groupId = groupId;
		this.violations = List.copyOf(violations);
	}

	private static String message(@Nullable GroupId groupId, List<Violation> violations) {
		if (Objects.requireNonNull(violations, "violations must not be null").isEmpty()) {
			throw new IllegalArgumentException("A verification failure needs at least one violation");
		}
		String prefix = (groupId != null) ? "Group " + groupId + " was refused: " : "The posted files were refused: ";
		return prefix + violations.stream().map(Violation::message).collect(Collectors.joining("; "));
	}

	/** Returns the group concerned, or {@code null} when none was created from posted files. */
	public @Nullable GroupId getGroupId() {
		return this.groupId;
	}

	/** Returns every broken rule, group-wide ones first, then by file. */
	public List<Violation> getViolations() {
		return this.violations;
	}

}
