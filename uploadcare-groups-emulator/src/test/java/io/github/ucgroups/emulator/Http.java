package io.github.ucgroups.emulator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Test-side HTTP helpers on the JDK client only: form bodies are built by hand here, so the
 * tests share no code with the client module or the emulator.
 */
final class Http {

	static final HttpClient CLIENT = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(5))
		.version(HttpClient.Version.HTTP_1_1)
		.build();

	static final JsonMapper JSON = JsonMapper.builder().build();

	private Http() {
	}

	static HttpResponse<String> send(HttpRequest request) {
		try {
			return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	static HttpResponse<byte[]> sendBytes(HttpRequest request) {
		try {
			return CLIENT.send(request, HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	static HttpResponse<String> get(URI uri) {
		return send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20)).GET().build());
	}

	static HttpResponse<String> post(URI uri, Multipart form) {
		return send(form.request(uri).build());
	}

	static HttpResponse<String> postUrlEncoded(URI uri, List<Map.Entry<String, String>> fields) {
		StringBuilder body = new StringBuilder();
		for (Map.Entry<String, String> field : fields) {
			if (!body.isEmpty()) {
				body.append('&');
			}
			body.append(URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8))
				.append('=')
				.append(URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8));
		}
		return send(HttpRequest.newBuilder(uri)
			.timeout(Duration.ofSeconds(20))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body.toString()))
			.build());
	}

	static JsonNode json(HttpResponse<String> response) {
		return JSON.readTree(response.body());
	}

	static JsonNode fixture(String name) {
		try (var in = Http.class.getResourceAsStream("/fixtures/" + name)) {
			return JSON.readTree(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static URI uri(URI base, String pathAndQuery) {
		return URI.create(base.toString() + pathAndQuery);
	}

	/** A multipart/form-data body built by hand. */
	static final class Multipart {

		private final String boundary = "----test" + UUID.randomUUID().toString().replace("-", "");

		private final ByteArrayOutputStream body = new ByteArrayOutputStream();

		private final List<String> names = new ArrayList<>();

		Multipart field(String name, String value) {
			write("--" + this.boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value
					+ "\r\n");
			this.names.add(name);
			return this;
		}

		Multipart file(String name, String filename, String contentType, byte[] content) {
			write("--" + this.boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\""
					+ filename + "\"\r\nContent-Type: " + contentType + "\r\n\r\n");
			this.body.writeBytes(content);
			write("\r\n");
			return this;
		}

		byte[] bytes() {
			ByteArrayOutputStream copy = new ByteArrayOutputStream();
			copy.writeBytes(this.body.toByteArray());
			copy.writeBytes(("--" + this.boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
			return copy.toByteArray();
		}

		HttpRequest.Builder request(URI uri) {
			return HttpRequest.newBuilder(uri)
				.timeout(Duration.ofSeconds(30))
				.header("Content-Type", "multipart/form-data; boundary=" + this.boundary)
				.POST(HttpRequest.BodyPublishers.ofByteArray(bytes()));
		}

		private void write(String text) {
			this.body.writeBytes(text.getBytes(StandardCharsets.UTF_8));
		}

	}

	/** Asserts that actual has every field of expected, with a compatible JSON type (null matches anything). */
	static void assertSameShape(JsonNode expected, JsonNode actual, String where) {
		if (expected.isNull() || actual.isNull()) {
			return;
		}
		if (expected.isObject()) {
			if (!actual.isObject()) {
				throw new AssertionError(where + ": expected an object but was " + actual);
			}
			for (String name : expected.propertyNames()) {
				if (!actual.has(name)) {
					throw new AssertionError(where + ": missing field '" + name + "' in " + actual);
				}
				assertSameShape(expected.get(name), actual.get(name), where + "." + name);
			}
			return;
		}
		if (expected.isArray()) {
			if (!actual.isArray()) {
				throw new AssertionError(where + ": expected an array but was " + actual);
			}
			if (!expected.isEmpty()) {
				for (JsonNode item : actual) {
					assertSameShape(expected.get(0), item, where + "[]");
				}
			}
			return;
		}
		if (expected.getNodeType() != actual.getNodeType()
				|| (expected.isNumber() && expected.isIntegralNumber() != actual.isIntegralNumber())) {
			throw new AssertionError(where + ": expected a " + expected.getNodeType() + " like " + expected
					+ " but was " + actual);
		}
	}

}
