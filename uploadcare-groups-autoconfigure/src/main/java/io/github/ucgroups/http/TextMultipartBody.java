package io.github.ucgroups.http;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.jspecify.annotations.Nullable;

import org.springframework.http.MediaType;
import org.springframework.util.MultiValueMap;

/**
 * A {@code multipart/form-data} body of text fields only (group creation, multipart start and
 * complete, from-URL), written to bytes at once: it goes out with a {@code Content-Length}
 * instead of chunked, and without the per-part converter lookup and secure-random boundary of
 * Spring's {@code FormHttpMessageConverter}, which the benchmarks showed as a large share of a
 * group creation's client time. Forms with a file part are left to Spring.
 *
 * @param contentType {@code multipart/form-data} with the boundary
 * @param bytes the encoded body
 */
record TextMultipartBody(MediaType contentType, byte[] bytes) {

	private static final char[] BOUNDARY_CHARS = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
		.toCharArray();

	private static final byte[] CRLF = { '\r', '\n' };

	/**
	 * Encodes a form if every value is text.
	 * @param contentType the request's content type
	 * @param body the request body
	 * @return the encoded body, or {@code null} if the body is not a multipart form of text fields
	 */
	static @Nullable TextMultipartBody encode(@Nullable MediaType contentType, Object body) {
		if (contentType == null || !MediaType.MULTIPART_FORM_DATA.equalsTypeAndSubtype(contentType)
				|| !(body instanceof MultiValueMap<?, ?> form) || !textOnly(form)) {
			return null;
		}
		// Uniqueness, not secrecy: a boundary only has to be absent from the field values.
		String boundary = boundary();
		byte[] dashBoundary = ("--" + boundary).getBytes(StandardCharsets.US_ASCII);
		ByteArrayOutputStream out = new ByteArrayOutputStream(256 + 64 * form.size());
		for (Map.Entry<?, ? extends List<?>> field : form.entrySet()) {
			byte[] disposition = ("Content-Disposition: form-data; name=\"" + escapeName(field.getKey().toString())
					+ "\"").getBytes(StandardCharsets.UTF_8);
			for (Object value : field.getValue()) {
				byte[] text = value.toString().getBytes(StandardCharsets.UTF_8);
				if (contains(text, dashBoundary)) {
					return null;
				}
				out.writeBytes(dashBoundary);
				out.writeBytes(CRLF);
				out.writeBytes(disposition);
				out.writeBytes(CRLF);
				out.writeBytes(CRLF);
				out.writeBytes(text);
				out.writeBytes(CRLF);
			}
		}
		out.writeBytes(dashBoundary);
		out.writeBytes(new byte[] { '-', '-', '\r', '\n' });
		MediaType type = new MediaType(MediaType.MULTIPART_FORM_DATA, Map.of("boundary", boundary));
		return new TextMultipartBody(type, out.toByteArray());
	}

	private static boolean textOnly(MultiValueMap<?, ?> form) {
		for (List<?> values : form.values()) {
			for (Object value : values) {
				if (!(value instanceof CharSequence)) {
					return false;
				}
			}
		}
		return true;
	}

	private static String boundary() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		char[] chars = new char[30];
		for (int i = 0; i < chars.length; i++) {
			chars[i] = BOUNDARY_CHARS[random.nextInt(BOUNDARY_CHARS.length)];
		}
		return new String(chars);
	}

	/** As browsers do (HTML's form encoding): quotes and line breaks in a name are percent-encoded. */
	private static String escapeName(String name) {
		return name.replace("\"", "%22").replace("\r", "%0D").replace("\n", "%0A");
	}

	private static boolean contains(byte[] text, byte[] part) {
		outer: for (int i = 0; i <= text.length - part.length; i++) {
			for (int j = 0; j < part.length; j++) {
				if (text[i + j] != part[j]) {
					continue outer;
				}
			}
			return true;
		}
		return false;
	}

}
