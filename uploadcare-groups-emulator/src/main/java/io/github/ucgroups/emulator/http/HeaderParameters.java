package io.github.ucgroups.emulator.http;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/** Reads parameters such as {@code boundary} or {@code filename} from header values. */
final class HeaderParameters {

	private HeaderParameters() {
	}

	static @Nullable String get(String headerValue, String parameter) {
		int i = headerValue.indexOf(';');
		while (i >= 0 && i < headerValue.length()) {
			i++;
			while (i < headerValue.length() && headerValue.charAt(i) == ' ') {
				i++;
			}
			int eq = headerValue.indexOf('=', i);
			if (eq < 0) {
				return null;
			}
			String name = headerValue.substring(i, eq).strip().toLowerCase(Locale.ROOT);
			int start = eq + 1;
			String value;
			int next;
			if (start < headerValue.length() && headerValue.charAt(start) == '"') {
				StringBuilder quoted = new StringBuilder();
				int j = start + 1;
				while (j < headerValue.length() && headerValue.charAt(j) != '"') {
					char c = headerValue.charAt(j);
					if (c == '\\' && j + 1 < headerValue.length()) {
						c = headerValue.charAt(++j);
					}
					quoted.append(c);
					j++;
				}
				value = quoted.toString();
				next = headerValue.indexOf(';', j);
			}
			else {
				next = headerValue.indexOf(';', start);
				value = ((next < 0) ? headerValue.substring(start) : headerValue.substring(start, next)).strip();
			}
			if (name.equals(parameter)) {
				return value;
			}
			i = next;
		}
		return null;
	}

}
