package io.github.ucgroups;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * An ordered list of Uploadcare CDN operations (the URL API), such as {@code resize/x800} and
 * {@code quality/smart}, kept in a normalised form so that they are never glued into a URL twice.
 * <p>
 * {@link #parse(String)} accepts the forms users meet: {@code -/resize/x800/-/quality/smart/}
 * (as in a CDN URL), {@code resize/x800/-/quality/smart/} (as in a group file's
 * {@code default_effects}) and {@code resize/x800} (one operation without slashes around it).
 * {@link #toPath()} gives the URL form, {@code -/resize/x800/-/quality/smart/}, which is also
 * the JSON form.
 *
 * @param operations each operation as {@code name/arg/arg}, without leading or trailing slashes
 */
public record CdnOperations(List<String> operations) {

	/** No operations. */
	public static final CdnOperations NONE = new CdnOperations(List.of());

	private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");

	/** Characters allowed in operation arguments; nothing that would end a path segment. */
	private static final Pattern ARGUMENT = Pattern.compile("[A-Za-z0-9_.,:;%~+*=()-]+");

	/**
	 * Creates operations from already split items, checking each one.
	 * @param operations the operations, each {@code name/arg/...}
	 * @throws IllegalArgumentException naming the first malformed operation
	 */
	public CdnOperations {
		operations = List.copyOf(operations);
		for (String operation : operations) {
			checkOperation(operation);
		}
	}

	/**
	 * Parses operations in any of the accepted forms; {@code null} or blank text gives
	 * {@link #NONE}.
	 * @param value the operations text
	 * @return the parsed operations
	 * @throws IllegalArgumentException naming the value if an operation is malformed
	 */
	@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
	public static CdnOperations parse(String value) {
		if (value == null || value.isBlank()) {
			return NONE;
		}
		String text = value.strip();
		if (text.startsWith("/")) {
			text = text.substring(1);
		}
		if (text.startsWith("-/")) {
			text = text.substring(2);
		}
		List<String> operations = new ArrayList<>();
		for (String part : (text + "/").split("/-/", -1)) {
			String operation = trimSlashes(part);
			if (operation.isEmpty()) {
				if (part.isEmpty() || part.equals("/")) {
					continue;
				}
			}
			operations.add(operation);
		}
		try {
			return new CdnOperations(operations);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("Malformed CDN operations '" + Strings.abbreviate(value) + "': "
					+ ex.getMessage(), ex);
		}
	}

	/**
	 * Creates operations from items such as {@code "resize/x800"} or {@code "-/preview/"}.
	 * @param operations the operations
	 * @return the operations
	 */
	public static CdnOperations of(String... operations) {
		List<String> items = new ArrayList<>();
		for (String operation : operations) {
			items.addAll(parse(operation).operations());
		}
		return new CdnOperations(items);
	}

	/**
	 * Returns these operations followed by the given ones.
	 * @param more the operations to append
	 * @return the combined operations
	 */
	public CdnOperations then(CdnOperations more) {
		if (more.isEmpty()) {
			return this;
		}
		List<String> items = new ArrayList<>(this.operations);
		items.addAll(more.operations);
		return new CdnOperations(items);
	}

	/** Tells whether there are no operations. */
	public boolean isEmpty() {
		return this.operations.isEmpty();
	}

	/**
	 * Returns the URL path form, {@code -/resize/x800/-/quality/smart/}, or an empty string
	 * when there are no operations.
	 */
	@JsonValue
	public String toPath() {
		StringBuilder path = new StringBuilder();
		for (String operation : this.operations) {
			path.append("-/").append(operation).append('/');
		}
		return path.toString();
	}

	/** Returns the URL path form, as {@link #toPath()}. */
	@Override
	public String toString() {
		return toPath();
	}

	private static String trimSlashes(String part) {
		int start = 0;
		int end = part.length();
		while (start < end && part.charAt(start) == '/') {
			start++;
		}
		while (end > start && part.charAt(end - 1) == '/') {
			end--;
		}
		return part.substring(start, end);
	}

	private static void checkOperation(String operation) {
		if (operation == null || operation.isEmpty()) {
			throw new IllegalArgumentException("an operation is empty");
		}
		String[] segments = operation.split("/", -1);
		if (!NAME.matcher(segments[0]).matches()) {
			throw new IllegalArgumentException("operation '" + Strings.abbreviate(operation)
					+ "' must start with a lower-case operation name such as 'resize'");
		}
		for (String argument : Arrays.asList(segments).subList(1, segments.length)) {
			if (!ARGUMENT.matcher(argument).matches() || argument.equals("..") || argument.equals(".")
					|| argument.equals("-")) {
				// "-" alone would read as the separator of the next operation in a URL
				throw new IllegalArgumentException("operation '" + Strings.abbreviate(operation)
						+ "' has a malformed argument '" + Strings.abbreviate(argument) + "'");
			}
		}
	}

}
