package io.github.ucgroups;

/** Small text helpers for error messages of this package. */
final class Strings {

	private static final int MAX_QUOTED_LENGTH = 120;

	private Strings() {
	}

	/**
	 * Shortens a user-supplied value for an error message so that a huge input cannot flood
	 * logs, and makes control characters visible.
	 */
	static String abbreviate(String value) {
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
