package io.github.ucgroups.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

import io.github.ucgroups.autoconfigure.UploadcareAutoConfiguration;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Helpers for tests that talk HTTP to a local mockwebserver3. */
public final class Wire {

	public static final String FILE_1 = "94a2218e-3526-428a-945e-65fbc06e7b35";

	public static final String FILE_2 = "b1026315-8116-4632-8364-607e64fca723";

	public static final String GROUP_ID = "d496a4df-0b36-4281-8156-268ae9524d4a~1";

	private Wire() {
	}

	/** A runner with Boot's HTTP client and RestClient auto-configuration and ours. */
	public static ApplicationContextRunner runner(MockWebServer server) {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(HttpClientAutoConfiguration.class,
					ImperativeHttpClientAutoConfiguration.class, RestClientAutoConfiguration.class,
					UploadcareAutoConfiguration.class))
			.withPropertyValues("uploadcare.public-key=" + TestKeys.PUBLIC_KEY, "uploadcare.upload-url=" + baseUrl(server),
					"uploadcare.retry.initial-delay=10ms", "uploadcare.retry.max-delay=20ms",
					"uploadcare.read-timeout=5s", "uploadcare.connect-timeout=2s");
	}

	/** The server's base URL without a trailing slash, as users usually write it. */
	public static String baseUrl(MockWebServer server) {
		String url = server.url("/").toString();
		return url.substring(0, url.length() - 1);
	}

	public static String fixture(String name) {
		try (InputStream in = Wire.class.getResourceAsStream("/fixtures/" + name)) {
			if (in == null) {
				throw new IllegalArgumentException("no fixture " + name);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static MockResponse json(int code, String body) {
		return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json").body(body).build();
	}

	public static MockResponse text(int code, String body) {
		return new MockResponse.Builder().code(code).setHeader("Content-Type", "text/plain; charset=utf-8")
			.body(body)
			.build();
	}

	/** Takes the next request, failing rather than hanging when none arrives. */
	public static RecordedRequest take(MockWebServer server) throws InterruptedException {
		RecordedRequest request = server.takeRequest(10, TimeUnit.SECONDS);
		if (request == null) {
			throw new AssertionError("no request arrived");
		}
		return request;
	}

	private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]+)\"?");

	private static final Pattern NAME = Pattern.compile("Content-Disposition: form-data; name=\"([^\"]*)\"",
			Pattern.CASE_INSENSITIVE);

	/** Reads the fields of a multipart/form-data body, in order. */
	public static Map<String, String> multipartFields(RecordedRequest request) {
		String contentType = request.getHeaders().get("Content-Type");
		if (contentType == null || !contentType.startsWith("multipart/form-data")) {
			throw new AssertionError("not multipart/form-data: " + contentType);
		}
		Matcher boundaryMatcher = BOUNDARY.matcher(contentType);
		if (!boundaryMatcher.find()) {
			throw new AssertionError("no boundary in " + contentType);
		}
		String delimiter = "--" + boundaryMatcher.group(1);
		String body = request.getBody().utf8();
		Map<String, String> fields = new LinkedHashMap<>();
		String[] parts = body.split(Pattern.quote(delimiter));
		for (String part : parts) {
			if (part.isBlank() || part.startsWith("--")) {
				continue;
			}
			int split = part.indexOf("\r\n\r\n");
			String headers = part.substring(0, split);
			String value = part.substring(split + 4);
			if (value.endsWith("\r\n")) {
				value = value.substring(0, value.length() - 2);
			}
			Matcher name = NAME.matcher(headers);
			if (!name.find()) {
				throw new AssertionError("part without name: " + headers);
			}
			if (fields.put(name.group(1), value) != null) {
				throw new AssertionError("duplicate field " + name.group(1));
			}
		}
		return fields;
	}

}
