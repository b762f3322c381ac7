package io.github.ucgroups.json;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * Reads Uploadcare's timestamps ({@code 2024-05-01T12:00:20.715654Z}): the usual UTC form by
 * hand, anything else (offsets, other precisions) with {@link Instant#parse}. The profile of a
 * group creation showed {@code Instant.parse} as one of its largest client-side costs.
 */
final class WireInstants {

	private WireInstants() {
	}

	/**
	 * Parses an ISO-8601 instant.
	 * @param text the text
	 * @return the instant
	 * @throws DateTimeParseException if the text is not an ISO-8601 instant
	 */
	static Instant parse(String text) {
		Instant fast = parseUtc(text);
		return (fast != null) ? fast : Instant.parse(text);
	}

	/** {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}]Z}, or {@code null} for any other form. */
	private static Instant parseUtc(String text) {
		int length = text.length();
		if (length < 20 || text.charAt(length - 1) != 'Z' || text.charAt(4) != '-' || text.charAt(7) != '-'
				|| text.charAt(10) != 'T' || text.charAt(13) != ':' || text.charAt(16) != ':') {
			return null;
		}
		int year = digits(text, 0, 4);
		int month = digits(text, 5, 7);
		int day = digits(text, 8, 10);
		int hour = digits(text, 11, 13);
		int minute = digits(text, 14, 16);
		int second = digits(text, 17, 19);
		int nanos = 0;
		if (length > 20) {
			int fractionDigits = length - 21;
			if (text.charAt(19) != '.' || fractionDigits < 1 || fractionDigits > 9) {
				return null;
			}
			int fraction = digits(text, 20, length - 1);
			if (fraction < 0) {
				return null;
			}
			nanos = fraction;
			for (int i = fractionDigits; i < 9; i++) {
				nanos *= 10;
			}
		}
		if ((year | month | day | hour | minute | second) < 0 || hour > 23 || minute > 59 || second > 59) {
			return null;
		}
		try {
			long epochDay = LocalDate.of(year, month, day).toEpochDay();
			return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3600 + minute * 60 + second, nanos);
		}
		catch (DateTimeException ex) {
			return null; // e.g. February 30th: Instant.parse gives the standard error
		}
	}

	private static int digits(String text, int from, int to) {
		int value = 0;
		for (int i = from; i < to; i++) {
			char c = text.charAt(i);
			if (c < '0' || c > '9') {
				return -1;
			}
			value = value * 10 + (c - '0');
		}
		return value;
	}

}
