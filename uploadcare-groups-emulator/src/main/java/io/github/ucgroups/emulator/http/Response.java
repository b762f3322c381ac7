package io.github.ucgroups.emulator.http;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;
import org.jspecify.annotations.Nullable;

/** An answer, built by an endpoint and written after the request is journaled. */
final class Response {

	/** Writes a streamed body. */
	interface BodyWriter {

		void write(OutputStream out) throws IOException;

	}

	final int status;

	final Map<String, String> headers = new LinkedHashMap<>();

	private final byte @Nullable [] body;

	private final @Nullable BodyWriter writer;

	private final long length;

	private Response(int status, byte @Nullable [] body, @Nullable BodyWriter writer, long length) {
		this.status = status;
		this.body = body;
		this.writer = writer;
		this.length = length;
	}

	static Response bytes(int status, String contentType, byte[] body) {
		return new Response(status, body, null, body.length).header("Content-Type", contentType);
	}

	static Response text(int status, String text) {
		return bytes(status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
	}

	static Response empty(int status) {
		return new Response(status, null, null, -1);
	}

	/**
	 * A streamed body.
	 * @param length the exact length, or -1 for chunked transfer
	 */
	static Response stream(int status, String contentType, long length, BodyWriter writer) {
		return new Response(status, null, writer, length).header("Content-Type", contentType);
	}

	Response header(String name, String value) {
		this.headers.put(name, value);
		return this;
	}

	void send(HttpExchange exchange) throws IOException {
		this.headers.forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
		boolean head = "HEAD".equals(exchange.getRequestMethod());
		if (this.body == null && this.writer == null) {
			exchange.sendResponseHeaders(this.status, -1);
			return;
		}
		if (head) {
			if (this.length >= 0) {
				exchange.getResponseHeaders().set("Content-Length", Long.toString(this.length));
			}
			exchange.sendResponseHeaders(this.status, -1);
			return;
		}
		if (this.body != null) {
			exchange.sendResponseHeaders(this.status, (this.body.length == 0) ? -1 : this.body.length);
			if (this.body.length > 0) {
				try (OutputStream out = exchange.getResponseBody()) {
					out.write(this.body);
				}
			}
			return;
		}
		exchange.sendResponseHeaders(this.status, (this.length <= 0) ? 0 : this.length);
		try (OutputStream out = exchange.getResponseBody()) {
			this.writer.write(out);
		}
	}

}
