package io.github.ucgroups.rest;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import io.github.ucgroups.signing.Hmac;

/**
 * Signs REST API requests with the {@code Uploadcare} authentication scheme: the signature is
 * the lower-case hex HMAC-SHA1, keyed with the secret key, of
 * {@code METHOD + "\n" + md5hex(body) + "\n" + Content-Type + "\n" + Date + "\n" + path-with-query},
 * and the header is {@code Authorization: Uploadcare <public key>:<signature>}.
 * <p>
 * The secret key is never revealed by {@link #toString()}.
 */
public final class RestRequestSigner {

	/** The RFC 1123 date format of the {@code Date} header, always in GMT. */
	public static final DateTimeFormatter DATE_FORMAT = DateTimeFormatter
		.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ROOT)
		.withZone(ZoneOffset.UTC);

	private final String publicKey;

	private final byte[] secretKey;

	/**
	 * Creates a signer.
	 * @param publicKey the project's public key
	 * @param secretKey the project's secret key
	 * @throws IllegalArgumentException if the public key is blank
	 * @throws IllegalStateException if the secret key is missing, naming
	 * {@code uploadcare.secret-key}
	 */
	public RestRequestSigner(String publicKey, @Nullable String secretKey) {
		if (publicKey == null || publicKey.isBlank()) {
			throw new IllegalArgumentException("The Uploadcare public key must not be blank");
		}
		if (secretKey == null || secretKey.isBlank()) {
			throw new IllegalStateException(
					"The Uploadcare REST API needs the project's secret key: set uploadcare.secret-key "
							+ "(or supply it through an UploadcareConnectionDetails bean)");
		}
		this.publicKey = publicKey;
		this.secretKey = secretKey.getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * Formats an instant as the {@code Date} header wants it, e.g.
	 * {@code Fri, 30 Sep 2016 11:10:54 GMT}.
	 * @param instant the instant
	 * @return the header value
	 */
	public static String formatDate(Instant instant) {
		return DATE_FORMAT.format(instant);
	}

	/**
	 * Computes the signature of a request.
	 * @param method the HTTP method, e.g. {@code GET}
	 * @param body the exact body bytes sent (empty for none)
	 * @param contentType the exact {@code Content-Type} header value sent
	 * @param date the exact {@code Date} header value sent
	 * @param pathWithQuery the request path with its query as sent, e.g.
	 * {@code /groups/?limit=10}
	 * @return the lower-case hex signature
	 */
	public String signature(String method, byte[] body, String contentType, String date, String pathWithQuery) {
		String md5 = HexFormat.of().formatHex(Hmac.digest("MD5", body));
		String message = method.toUpperCase(Locale.ROOT) + "\n" + md5 + "\n" + contentType + "\n" + date + "\n"
				+ pathWithQuery;
		return Hmac.macHex("HmacSHA1", this.secretKey, message);
	}

	/**
	 * Computes the {@code Authorization} header value of a request.
	 * @param method the HTTP method
	 * @param body the exact body bytes sent
	 * @param contentType the {@code Content-Type} header value
	 * @param date the {@code Date} header value
	 * @param pathWithQuery the path with query
	 * @return {@code Uploadcare <public key>:<signature>}
	 */
	public String authorization(String method, byte[] body, String contentType, String date, String pathWithQuery) {
		return "Uploadcare " + this.publicKey + ":" + signature(method, body, contentType, date, pathWithQuery);
	}

	@Override
	public String toString() {
		return "RestRequestSigner[publicKey=" + this.publicKey + ", secretKey=******]";
	}

}
