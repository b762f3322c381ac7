package io.github.ucgroups;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The id of an Uploadcare file group: {@code <uuid>~<N>}, where {@code N} is the number of
 * files in the group, for example {@code d496a4df-0b36-4281-8156-268ae9524d4a~1}. As JSON it is
 * that string.
 *
 * @param uuid the group's UUID part, lower case
 * @param filesCount the number of files the group was created with (1 to
 * {@value #MAX_FILES})
 */
public record GroupId(String uuid, int filesCount) {

	/** The most files a group can hold. */
	public static final int MAX_FILES = 1000;

	private static final Pattern PATTERN = Pattern.compile(
			"([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})~([0-9]{1,4})");

	/**
	 * Creates a group id, checking both parts.
	 * @param uuid the group's UUID part
	 * @param filesCount the number of files in the group
	 * @throws IllegalArgumentException if the UUID is malformed or the count is out of range
	 */
	public GroupId {
		Objects.requireNonNull(uuid, "uuid must not be null");
		if (!FileRef.isUuid(uuid)) {
			throw new IllegalArgumentException("Malformed group UUID '" + Strings.abbreviate(uuid)
					+ "': expected 8-4-4-4-12 hexadecimal digits");
		}
		if (filesCount < 1 || filesCount > MAX_FILES) {
			throw new IllegalArgumentException("Group files count " + filesCount + " is out of range 1.."
					+ MAX_FILES);
		}
		uuid = uuid.toLowerCase(Locale.ROOT);
	}

	/**
	 * Parses a group id of the form {@code <uuid>~<N>}. Surrounding white space is ignored.
	 * @param value the text to parse
	 * @return the group id
	 * @throws IllegalArgumentException naming the value if it is not a well-formed group id
	 */
	@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
	public static GroupId parse(String value) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException("Group id must not be blank");
		}
		Matcher matcher = PATTERN.matcher(value.strip());
		if (!matcher.matches()) {
			throw new IllegalArgumentException("Malformed group id '" + Strings.abbreviate(value)
					+ "': expected <uuid>~<number of files>, e.g. d496a4df-0b36-4281-8156-268ae9524d4a~1");
		}
		int filesCount = Integer.parseInt(matcher.group(2));
		if (filesCount < 1 || filesCount > MAX_FILES) {
			throw new IllegalArgumentException("Malformed group id '" + Strings.abbreviate(value)
					+ "': the number of files must be between 1 and " + MAX_FILES);
		}
		return new GroupId(matcher.group(1), filesCount);
	}

	/**
	 * Tells whether the text is a well-formed group id.
	 * @param value the text to check, may be {@code null}
	 * @return {@code true} if {@link #parse(String)} would accept it
	 */
	public static boolean isValid(String value) {
		if (value == null) {
			return false;
		}
		Matcher matcher = PATTERN.matcher(value.strip());
		if (!matcher.matches()) {
			return false;
		}
		int count = Integer.parseInt(matcher.group(2));
		return count >= 1 && count <= MAX_FILES;
	}

	/** Returns the wire form, {@code <uuid>~<N>} (also its JSON form). */
	@JsonValue
	@Override
	public String toString() {
		return this.uuid + "~" + this.filesCount;
	}

}
