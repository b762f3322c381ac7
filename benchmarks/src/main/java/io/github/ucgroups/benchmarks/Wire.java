package io.github.ucgroups.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The floor: the same Upload API requests written by hand on the JDK {@link HttpClient} (HTTP/1.1,
 * one shared client), with the smallest possible response reading (one regex, no JSON mapping).
 */
public final class Wire {

	public static final String PUBLIC_KEY = "demopublickey";

	private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");

	private static final Pattern FILE = Pattern.compile("\"file\"\\s*:\\s*\"([^\"]+)\"");

	private static final Pattern UUID_FIELD = Pattern.compile("\"uuid\"\\s*:\\s*\"([^\"]+)\"");

	private static final Pattern PARTS = Pattern.compile("\"parts\"\\s*:\\s*\\[([^\\]]*)\\]");

	private final HttpClient http;

	private final URI base;

	/** HTTP/1.1, as a hand-written client for a plain-HTTP or HTTP/1.1 API would use. */
	public Wire(URI base) {
		this(base, HttpClient.Version.HTTP_1_1);
	}

	/**
	 * With {@link HttpClient.Version#HTTP_2} (the JDK default) every request over plain HTTP
	 * carries an {@code Upgrade: h2c} offer.
	 */
	public Wire(URI base, HttpClient.Version version) {
		this.base = base;
		this.http = HttpClient.newBuilder().version(version).build();
	}

	/** {@code POST /group/} with {@code pub_key} and indexed {@code files[N]}; returns the group id. */
	public String createGroup(List<String> files) {
		Multipart body = new Multipart().field("pub_key", PUBLIC_KEY);
		for (int i = 0; i < files.size(); i++) {
			body.field("files[" + i + "]", files.get(i));
		}
		return extract(ID, post("/group/?jsonerrors=1", body));
	}

	/** {@code POST /base/} with the file bytes; returns the file UUID. */
	public String uploadDirect(byte[] content, String filename) {
		Multipart body = new Multipart().field("UPLOADCARE_PUB_KEY", PUBLIC_KEY)
			.field("UPLOADCARE_STORE", "auto")
			.file("file", filename, "application/octet-stream", content);
		return extract(FILE, post("/base/?jsonerrors=1", body));
	}

	/** {@code POST /multipart/start/}; returns the upload UUID followed by the part URLs. */
	public List<String> multipartStart(String filename, long size, long partSize) {
		Multipart body = new Multipart().field("UPLOADCARE_PUB_KEY", PUBLIC_KEY)
			.field("UPLOADCARE_STORE", "auto")
			.field("filename", filename)
			.field("size", Long.toString(size))
			.field("content_type", "application/octet-stream")
			.field("part_size", Long.toString(partSize));
		String json = post("/multipart/start/?jsonerrors=1", body);
		List<String> result = new ArrayList<>();
		result.add(extract(UUID_FIELD, json));
		for (String part : extract(PARTS, json).split(",")) {
			result.add(part.trim().replace("\"", "").replace("\\/", "/"));
		}
		return result;
	}

	/** One streaming {@code PUT} of a whole file to a URL; returns the status. */
	public int put(String url, Path file) {
		try {
			HttpRequest request = HttpRequest.newBuilder(URI.create(url))
				.header("Content-Type", "application/octet-stream")
				.PUT(HttpRequest.BodyPublishers.ofFile(file))
				.build();
			return this.http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private String post(String path, Multipart body) {
		try {
			HttpRequest request = HttpRequest.newBuilder(this.base.resolve(path))
				.header("Content-Type", "multipart/form-data; boundary=" + body.boundary)
				.POST(HttpRequest.BodyPublishers.ofByteArrays(body.parts()))
				.build();
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200 || response.body().startsWith("{\"error\"")) {
				throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
			}
			return response.body();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String extract(Pattern pattern, String json) {
		Matcher matcher = pattern.matcher(json);
		if (!matcher.find()) {
			throw new IllegalStateException("Unexpected response: " + json);
		}
		return matcher.group(1);
	}

	private static final class Multipart {

		final String boundary = "----bench" + UUID.randomUUID().toString().replace("-", "");

		private final List<byte[]> parts = new ArrayList<>();

		Multipart field(String name, String value) {
			this.parts.add(("--" + this.boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n"
					+ value + "\r\n").getBytes(StandardCharsets.UTF_8));
			return this;
		}

		Multipart file(String name, String filename, String contentType, byte[] content) {
			this.parts.add(("--" + this.boundary + "\r\nContent-Disposition: form-data; name=\"" + name
					+ "\"; filename=\"" + filename + "\"\r\nContent-Type: " + contentType + "\r\n\r\n")
				.getBytes(StandardCharsets.UTF_8));
			this.parts.add(content);
			this.parts.add("\r\n".getBytes(StandardCharsets.US_ASCII));
			return this;
		}

		List<byte[]> parts() {
			List<byte[]> all = new ArrayList<>(this.parts);
			all.add(("--" + this.boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
			return all;
		}

	}

}
