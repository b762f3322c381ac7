package io.github.ucgroups;

/**
 * Small text helpers for error messages that quote what a user sent. Used by the starter's own
 * packages; not meant for applications.
 */
public final class Strings {

	private static final int MAX_QUOTED_LENGTH = 120;

	private Strings() {
	}

	/**
	 * Shortens a user-supplied value for an error message so that a huge input cannot flood
	 * logs, and makes control characters visible.
	 * @param value the value to quote
	 * @return at most 120 characters of it (and {@code ...} when cut), control characters as
	 * {@code \\uXXXX}
	 */
	public static String abbreviate(String value) {
		StringBuilder builder = new StringBuilder(Math.min(value.length(), MAX_QUOTED_LENGTH) + 8);
		for (int i = 0; i < value.length() && builder.length() < MAX_QUOTED_LENGTH; i++) {
			char c = value.charAt(i);
			if (Character.isISOControl(c)) {
				builder.append(String.format("\\u%04x", (int) c));
			}
			else {
				builder.append(c);
			}
		}
		if (builder.length() >= MAX_QUOTED_LENGTH && value.length() > MAX_QUOTED_LENGTH) {
			builder.append("...");
		}
		return builder.toString();
	}

}
