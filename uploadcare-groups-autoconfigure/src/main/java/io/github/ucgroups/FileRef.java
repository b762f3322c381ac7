package io.github.ucgroups;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A reference to an uploaded Uploadcare file, optionally with CDN operations that the group
 * applies to it (they come back as the file's {@code default_effects}).
 * <p>
 * {@link #parse(String)} accepts a file UUID ({@code 94a2218e-3526-428a-945e-65fbc06e7b35}),
 * a UUID followed by operations ({@code 94a2218e-…/-/resize/x800/}) and a CDN URL of a file
 * ({@code https://ucarecdn.com/94a2218e-…/-/resize/x800/photo.jpg}; a trailing file name is
 * dropped, as the CDN ignores it too; a path prefix before the UUID, as behind a proxy, is
 * skipped). As JSON it is its {@linkplain #toWireValue() wire form}, e.g.
 * {@code "94a2218e-…/-/resize/x800/"}.
 *
 * @param uuid the file UUID, lower case
 * @param operations the CDN operations, possibly {@link CdnOperations#NONE}
 */
public record FileRef(String uuid, CdnOperations operations) {

	/**
	 * Creates a file reference, checking the UUID.
	 * @param uuid the file UUID
	 * @param operations the CDN operations
	 * @throws IllegalArgumentException if the UUID is malformed
	 */
	public FileRef {
		Objects.requireNonNull(uuid, "uuid must not be null");
		Objects.requireNonNull(operations, "operations must not be null");
		if (!isUuid(uuid)) {
			throw new IllegalArgumentException(
					"Malformed file UUID '" + Strings.abbreviate(uuid) + "': expected 8-4-4-4-12 hexadecimal digits");
		}
		uuid = uuid.toLowerCase(Locale.ROOT);
	}

	/**
	 * A reference to a file without operations.
	 * @param uuid the file UUID
	 * @return the reference
	 */
	public static FileRef of(String uuid) {
		return new FileRef(uuid, CdnOperations.NONE);
	}

	/**
	 * Returns a reference to the same file with the given operations appended.
	 * @param more operations in any form {@link CdnOperations#parse(String)} accepts
	 * @return the new reference
	 */
	public FileRef withOperations(String more) {
		return new FileRef(this.uuid, this.operations.then(CdnOperations.parse(more)));
	}

	/**
	 * Returns a reference to the same file with the given operations appended.
	 * @param more the operations to append
	 * @return the new reference
	 */
	public FileRef withOperations(CdnOperations more) {
		return new FileRef(this.uuid, this.operations.then(more));
	}

	/**
	 * Parses a file UUID, a UUID followed by CDN operations, or a CDN URL of a file.
	 * @param value the text to parse
	 * @return the reference
	 * @throws IllegalArgumentException naming the value if it is none of the accepted forms
	 */
	@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
	public static FileRef parse(String value) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException("File reference must not be blank");
		}
		String text = value.strip();
		try {
			if (text.regionMatches(true, 0, "http://", 0, 7) || text.regionMatches(true, 0, "https://", 0, 8)) {
				return parseUrl(text);
			}
			return parsePath(text, false);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("Malformed file reference '" + Strings.abbreviate(value)
					+ "': expected a file UUID, '<uuid>/-/<operation>/', or a CDN URL of a file (" + ex.getMessage()
					+ ")", ex);
		}
	}

	/**
	 * Parses every entry with {@link #parse(String)}.
	 * @param values the texts to parse
	 * @return the references, in the same order
	 * @throws IllegalArgumentException naming the position and value of the first bad entry
	 */
	public static List<FileRef> parseAll(List<String> values) {
		Objects.requireNonNull(values, "files must not be null");
		List<FileRef> refs = new ArrayList<>(values.size());
		for (int i = 0; i < values.size(); i++) {
			try {
				refs.add(parse(values.get(i)));
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalArgumentException("files[" + i + "]: " + ex.getMessage(), ex);
			}
		}
		return refs;
	}

	/**
	 * Tells whether the text is a UUID in 8-4-4-4-12 form.
	 * @param value the text, may be {@code null}
	 * @return {@code true} for a well-formed UUID
	 */
	public static boolean isUuid(String value) {
		// By hand rather than with a regular expression: it runs twice for every file of every group.
		if (value == null || value.length() != 36) {
			return false;
		}
		for (int i = 0; i < 36; i++) {
			char c = value.charAt(i);
			boolean ok = (i == 8 || i == 13 || i == 18 || i == 23) ? c == '-'
					: (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
			if (!ok) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Returns the form sent to Uploadcare as a group's {@code files[N]} value: the UUID, or
	 * {@code <uuid>/-/<operation>/…} when there are operations.
	 */
	@JsonValue
	public String toWireValue() {
		return this.operations.isEmpty() ? this.uuid : this.uuid + "/" + this.operations.toPath();
	}

	/** Returns the wire form, as {@link #toWireValue()}. */
	@Override
	public String toString() {
		return toWireValue();
	}

	private static FileRef parseUrl(String text) {
		URI uri;
		try {
			uri = new URI(text);
		}
		catch (URISyntaxException ex) {
			throw new IllegalArgumentException("not a valid URL", ex);
		}
		if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
			throw new IllegalArgumentException("a CDN URL of a file has no query or fragment");
		}
		String path = uri.getRawPath();
		if (path == null || path.length() < 2) {
			throw new IllegalArgumentException("the URL has no file UUID in its path");
		}
		// The UUID is the first path segment on Uploadcare's CDN; a proxy or custom domain may
		// serve it below a prefix (https://example.com/cdn/<uuid>/), so start at the first UUID.
		String[] segments = path.substring(1).split("/", -1);
		for (int i = 0; i < segments.length; i++) {
			if (isUuid(segments[i])) {
				return parsePath(String.join("/", Arrays.asList(segments).subList(i, segments.length)), true);
			}
		}
		return parsePath(path.substring(1), true);
	}

	private static FileRef parsePath(String text, boolean fromUrl) {
		int slash = text.indexOf('/');
		String uuid = (slash < 0) ? text : text.substring(0, slash);
		if (!isUuid(uuid)) {
			throw new IllegalArgumentException("'" + Strings.abbreviate(uuid) + "' is not a file UUID");
		}
		if (slash < 0) {
			return of(uuid);
		}
		String rest = text.substring(slash + 1);
		if (fromUrl && !rest.isEmpty() && !rest.endsWith("/")) {
			// On the CDN the segment after the last slash is a file name, not an operation.
			rest = rest.substring(0, rest.lastIndexOf('/') + 1);
		}
		if (!rest.isEmpty() && !rest.startsWith("-/")) {
			throw new IllegalArgumentException("operations after the UUID must start with '-/'");
		}
		return new FileRef(uuid, CdnOperations.parse(rest));
	}

}
