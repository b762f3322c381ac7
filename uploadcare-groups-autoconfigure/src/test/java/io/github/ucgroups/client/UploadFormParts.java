package io.github.ucgroups.client;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import mockwebserver3.RecordedRequest;

/** A minimal, strict multipart/form-data reader for asserting what the client sent. */
final class UploadFormParts {

	private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]+)\"?");

	private static final Pattern NAME = Pattern.compile("[; ]name=\"([^\"]*)\"");

	private static final Pattern FILENAME = Pattern.compile("filename=\"([^\"]*)\"");

	private UploadFormParts() {
	}

	/** One part of a form. */
	record Part(String name, String filename, String contentType, byte[] content) {

		String text() {
			return new String(this.content, StandardCharsets.UTF_8);
		}

	}

	static List<Part> parse(RecordedRequest request) {
		String contentType = request.getHeaders().get("Content-Type");
		if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
			throw new AssertionError("Not a multipart form: " + contentType);
		}
		Matcher boundaryMatcher = BOUNDARY.matcher(contentType);
		if (!boundaryMatcher.find()) {
			throw new AssertionError("No boundary in " + contentType);
		}
		byte[] body = request.getBody().toByteArray();
		String text = new String(body, StandardCharsets.ISO_8859_1);
		String delimiter = "--" + boundaryMatcher.group(1);
		List<Part> parts = new ArrayList<>();
		int position = text.indexOf(delimiter);
		if (position < 0) {
			throw new AssertionError("No delimiter in the body");
		}
		position += delimiter.length();
		for (int guard = 0; guard < 10_000; guard++) {
			if (text.startsWith("--", position)) {
				return parts;
			}
			position += 2; // CRLF after the delimiter
			int headersEnd = text.indexOf("\r\n\r\n", position);
			String headers = text.substring(position, headersEnd);
			int next = text.indexOf("\r\n" + delimiter, headersEnd + 4);
			if (next < 0) {
				throw new AssertionError("Unterminated part");
			}
			String name = null;
			String filename = null;
			String type = null;
			for (String header : headers.split("\r\n")) {
				String lower = header.toLowerCase(Locale.ROOT);
				if (lower.startsWith("content-disposition:")) {
					Matcher nameMatcher = NAME.matcher(header);
					name = nameMatcher.find() ? nameMatcher.group(1) : null;
					Matcher filenameMatcher = FILENAME.matcher(header);
					filename = filenameMatcher.find() ? filenameMatcher.group(1) : null;
				}
				else if (lower.startsWith("content-type:")) {
					type = header.substring("content-type:".length()).strip();
				}
			}
			parts.add(new Part(name, filename, type, Arrays.copyOfRange(body, headersEnd + 4, next)));
			position = next + 2 + delimiter.length();
		}
		throw new AssertionError("Too many parts");
	}

	static List<String> names(List<Part> parts) {
		return parts.stream().map(Part::name).toList();
	}

	static String value(List<Part> parts, String name) {
		return parts.stream()
			.filter((part) -> part.name().equals(name))
			.findFirst()
			.map(Part::text)
			.orElseThrow(() -> new AssertionError("No field " + name + " in " + names(parts)));
	}

	static Part part(List<Part> parts, String name) {
		return parts.stream()
			.filter((part) -> part.name().equals(name))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No field " + name + " in " + names(parts)));
	}

}
