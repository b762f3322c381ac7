package io.github.ucgroups.emulator.journal;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One request as the emulator received it. {@code Authorization} headers and the values of
 * {@code signature} and {@code expire} (form fields and query parameters) read
 * {@value #REDACTED}.
 *
 * @param time when the request arrived
 * @param method the HTTP method
 * @param path the raw path, e.g. {@code /group/}; REST API requests read {@code /rest/…} and CDN
 * requests {@code /cdn/…} (each API has its own port, the prefix says which one was called)
 * @param query the raw query string (redacted), or {@code null} when there is none
 * @param headers the request headers, names in lower case
 * @param fields the form fields (url-encoded or multipart, file parts excluded), in order
 * @param files the file parts of a multipart body
 * @param status the HTTP status answered, or 0 when the connection was dropped
 */
public record JournalEntry(Instant time, String method, String path, @Nullable String query,
		Map<String, List<String>> headers, Map<String, List<String>> fields, List<FilePart> files, int status) {

	/** What redacted values read. */
	public static final String REDACTED = "[redacted]";

	/**
	 * Creates the record, copying the collections.
	 * @param time see the record component
	 * @param method see the record component
	 * @param path see the record component
	 * @param query see the record component
	 * @param headers see the record component
	 * @param fields see the record component
	 * @param files see the record component
	 * @param status see the record component
	 */
	public JournalEntry {
		headers = Map.copyOf(headers);
		fields = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields));
		files = List.copyOf(files);
	}

	/**
	 * Returns the first value of a form field.
	 * @param name the field name
	 * @return the value or {@code null}
	 */
	public @Nullable String field(String name) {
		List<String> values = this.fields.get(name);
		return (values == null || values.isEmpty()) ? null : values.get(0);
	}

	/**
	 * Returns the first value of a header.
	 * @param name the header name, any case
	 * @return the value or {@code null}
	 */
	public @Nullable String header(String name) {
		List<String> values = this.headers.get(name.toLowerCase(java.util.Locale.ROOT));
		return (values == null || values.isEmpty()) ? null : values.get(0);
	}

	/**
	 * A file part of a multipart body.
	 *
	 * @param name the form field name
	 * @param filename the file name the client gave, or {@code null}
	 * @param contentType the part's content type, or {@code null}
	 * @param size the number of bytes
	 */
	public record FilePart(String name, @Nullable String filename, @Nullable String contentType, long size) {
	}

}
