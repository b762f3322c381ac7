package io.github.ucgroups.emulator.http;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;
import io.github.ucgroups.emulator.journal.JournalEntry;
import org.jspecify.annotations.Nullable;

/** A received request with lazily parsed form body. */
final class Request {

	private static final int MAX_FIELD_BYTES = 1024 * 1024;

	private static final int MAX_URLENCODED_BYTES = 16 * 1024 * 1024;

	/** Consumes a file part of a multipart body. */
	interface FileSink {

		void accept(String name, @Nullable String filename, @Nullable String contentType, InputStream body)
				throws IOException;

	}

	final HttpExchange exchange;

	final Instant received;

	final String method;

	final String path;

	/** Which API received the request. */
	final EmulatorHttpServer.Api api;

	/** The path as fault rules and the journal name it: the API's prefix, then {@link #path}. */
	final String journalPath;

	final @Nullable String rawQuery;

	final Map<String, List<String>> query;

	private final Map<String, List<String>> fields = new LinkedHashMap<>();

	private final List<JournalEntry.FilePart> fileParts = new ArrayList<>();

	private boolean queryAsForm;

	Request(HttpExchange exchange, Instant received, EmulatorHttpServer.Api api) {
		this.exchange = exchange;
		this.received = received;
		this.api = api;
		this.method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
		this.path = exchange.getRequestURI().getRawPath();
		this.journalPath = api.journalPrefix + this.path;
		this.rawQuery = exchange.getRequestURI().getRawQuery();
		this.query = decodeUrlEncoded(this.rawQuery);
	}

	@Nullable String queryParam(String name) {
		return first(this.query, name);
	}

	@Nullable String header(String name) {
		return this.exchange.getRequestHeaders().getFirst(name);
	}

	@Nullable String field(String name) {
		return first(fields(), name);
	}

	/** The form fields; with {@link #acceptQueryAsForm()}, query parameters too (the body wins). */
	Map<String, List<String>> fields() {
		if (!this.queryAsForm) {
			return this.fields;
		}
		Map<String, List<String>> merged = new LinkedHashMap<>(this.query);
		merged.putAll(this.fields);
		return merged;
	}

	/**
	 * Reads form fields from the query string as well, as {@code /from_url/} does (Uploadcare's JS
	 * client sends its parameters there, with no body). The journal still tells them apart.
	 */
	void acceptQueryAsForm() {
		this.queryAsForm = true;
	}

	/** Reads a form body (multipart or url-encoded), passing file parts to the sink. */
	void parseForm(@Nullable FileSink sink) throws IOException {
		String contentType = header("Content-Type");
		String type = (contentType == null) ? "" : contentType.toLowerCase(Locale.ROOT);
		if (type.startsWith("multipart/form-data")) {
			String boundary = HeaderParameters.get(contentType, "boundary");
			if (boundary == null || boundary.isEmpty()) {
				throw ApiException.badRequest("Multipart boundary is missing.", "PostRequestParserFailedError");
			}
			parseMultipart(boundary, sink);
		}
		else if (type.startsWith("application/x-www-form-urlencoded")) {
			byte[] body = readBody(MAX_URLENCODED_BYTES);
			decodeUrlEncoded(new String(body, StandardCharsets.UTF_8)).forEach(
					(name, values) -> this.fields.computeIfAbsent(name, (key) -> new ArrayList<>()).addAll(values));
		}
		else if (!type.isEmpty()) {
			throw ApiException.badRequest("Request body must be multipart/form-data or "
					+ "application/x-www-form-urlencoded.", "PostRequestParserFailedError");
		}
	}

	private void parseMultipart(String boundary, @Nullable FileSink sink) throws IOException {
		MultipartReader reader = new MultipartReader(this.exchange.getRequestBody(), boundary);
		try {
			for (MultipartReader.Part part = reader.next(); part != null; part = reader.next()) {
				String name = part.name();
				if (name == null) {
					continue;
				}
				String filename = part.filename();
				if (filename == null) {
					byte[] value = part.body().readNBytes(MAX_FIELD_BYTES + 1);
					if (value.length > MAX_FIELD_BYTES) {
						throw new ApiException(413, "Request size limit exceeded.", "RequestSizeLimitExceededError");
					}
					this.fields.computeIfAbsent(name, (key) -> new ArrayList<>())
						.add(new String(value, StandardCharsets.UTF_8));
					continue;
				}
				CountingInputStream counting = new CountingInputStream(part.body());
				if (sink != null) {
					sink.accept(name, filename, part.contentType(), counting);
				}
				counting.transferTo(OutputStreamSink.NULL);
				this.fileParts.add(new JournalEntry.FilePart(name, filename, part.contentType(), counting.count));
			}
		}
		catch (IOException ex) {
			if (ex.getMessage() != null && ex.getMessage().startsWith("Malformed multipart")) {
				throw ApiException.badRequest(ex.getMessage(), "PostRequestParserFailedError");
			}
			throw ex;
		}
	}

	byte[] readBody(int limit) throws IOException {
		byte[] body = this.exchange.getRequestBody().readNBytes(limit + 1);
		if (body.length > limit) {
			throw new ApiException(413, "Request size limit exceeded.", "RequestSizeLimitExceededError");
		}
		return body;
	}

	JournalEntry toEntry(int status) {
		Map<String, List<String>> headers = new LinkedHashMap<>();
		this.exchange.getRequestHeaders().forEach((name, values) -> {
			String key = name.toLowerCase(Locale.ROOT);
			headers.put(key, key.equals("authorization") ? List.of(JournalEntry.REDACTED) : List.copyOf(values));
		});
		Map<String, List<String>> redactedFields = new LinkedHashMap<>();
		this.fields.forEach((name, values) -> redactedFields.put(name,
				isSecret(name) ? List.of(JournalEntry.REDACTED) : List.copyOf(values)));
		return new JournalEntry(this.received, this.method, this.journalPath, redactQuery(this.rawQuery), headers,
				redactedFields, this.fileParts, status);
	}

	private static boolean isSecret(String name) {
		return name.equals("signature") || name.equals("expire");
	}

	private static @Nullable String redactQuery(@Nullable String rawQuery) {
		if (rawQuery == null) {
			return null;
		}
		StringBuilder out = new StringBuilder();
		for (String pair : rawQuery.split("&", -1)) {
			if (!out.isEmpty()) {
				out.append('&');
			}
			int eq = pair.indexOf('=');
			String name = (eq < 0) ? pair : pair.substring(0, eq);
			out.append(isSecret(name) ? name + "=" + JournalEntry.REDACTED : pair);
		}
		return out.toString();
	}

	static Map<String, List<String>> decodeUrlEncoded(@Nullable String text) {
		Map<String, List<String>> values = new LinkedHashMap<>();
		if (text == null || text.isEmpty()) {
			return values;
		}
		for (String pair : text.split("&")) {
			if (pair.isEmpty()) {
				continue;
			}
			int eq = pair.indexOf('=');
			String name = decode((eq < 0) ? pair : pair.substring(0, eq));
			String value = (eq < 0) ? "" : decode(pair.substring(eq + 1));
			values.computeIfAbsent(name, (key) -> new ArrayList<>()).add(value);
		}
		return values;
	}

	private static String decode(String text) {
		try {
			return URLDecoder.decode(text, StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return text;
		}
	}

	private static @Nullable String first(Map<String, List<String>> map, String name) {
		List<String> values = map.get(name);
		return (values == null || values.isEmpty()) ? null : values.get(0);
	}

	static class CountingInputStream extends FilterInputStream {

		long count;

		CountingInputStream(InputStream in) {
			super(in);
		}

		@Override
		public int read() throws IOException {
			int b = super.read();
			if (b >= 0) {
				this.count++;
			}
			return b;
		}

		@Override
		public int read(byte[] b, int off, int len) throws IOException {
			int n = super.read(b, off, len);
			if (n > 0) {
				this.count += n;
			}
			return n;
		}

		@Override
		public void close() {
			// the multipart reader owns the underlying stream
		}

	}

	static final class OutputStreamSink {

		static final java.io.OutputStream NULL = java.io.OutputStream.nullOutputStream();

		private OutputStreamSink() {
		}

	}

}
