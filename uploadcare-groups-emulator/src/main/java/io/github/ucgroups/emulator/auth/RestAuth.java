package io.github.ucgroups.emulator.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * Checks REST API v0.7 request signatures: {@code Authorization: Uploadcare <public key>:<sig>}
 * with sig = lowercase hex HMAC-SHA1(secret, METHOD + "\n" + hex(md5(body)) + "\n" +
 * Content-Type + "\n" + Date + "\n" + path-with-query), and a date within 15 minutes of the
 * server's clock; or {@code Authorization: Uploadcare.Simple <public key>:<secret key>}, which
 * the real service refuses over plain HTTP and the emulator, on loopback only, accepts.
 * Dates are read in the RFC 1123 forms the official clients send: {@code GMT} (JS, Python,
 * Ruby, PHP, Go), {@code +0000} (Java), one- or two-digit days, and {@code UTC} as a synonym of
 * {@code GMT}.
 */
public final class RestAuth {

	/** How far the {@code Date} header may be from the server's clock. */
	public static final Duration DATE_WINDOW = Duration.ofMinutes(15);

	private final String publicKey;

	private final String secretKey;

	private final Clock clock;

	/**
	 * Creates the checker.
	 * @param publicKey the project's public key
	 * @param secretKey the project's secret key
	 * @param clock the clock the {@code Date} window is measured with
	 */
	public RestAuth(String publicKey, String secretKey, Clock clock) {
		this.publicKey = publicKey;
		this.secretKey = secretKey;
		this.clock = clock;
	}

	/**
	 * Computes the signature the real service expects.
	 * @param secretKey the secret key
	 * @param method the HTTP method
	 * @param body the request body (empty for none)
	 * @param contentType the {@code Content-Type} header as sent, or an empty string
	 * @param date the {@code Date} header as sent
	 * @param pathWithQuery the raw path and query, e.g. {@code /groups/?limit=10}
	 * @return the lowercase hex signature
	 */
	public static String sign(String secretKey, String method, byte[] body, String contentType, String date,
			String pathWithQuery) {
		String md5 = HexFormat.of().formatHex(Crypto.digest("MD5", body));
		String message = method + "\n" + md5 + "\n" + contentType + "\n" + date + "\n" + pathWithQuery;
		return Crypto.hmacHex("HmacSHA1", secretKey, message);
	}

	/**
	 * Checks a request.
	 * @param method the HTTP method
	 * @param body the body
	 * @param contentType the {@code Content-Type} header, if sent
	 * @param date the {@code Date} header, if sent
	 * @param authorization the {@code Authorization} header, if sent
	 * @param pathWithQuery the raw path and query the client requested and signed
	 * @return the {@code detail} text of a 401 answer, or empty when the request is authentic
	 */
	public Optional<String> check(String method, byte[] body, @Nullable String contentType, @Nullable String date,
			@Nullable String authorization, String pathWithQuery) {
		if (authorization == null || authorization.isBlank()) {
			return Optional.of("Authentication credentials were not provided.");
		}
		if (authorization.startsWith("Uploadcare.Simple ")) {
			return checkSimple(authorization.substring("Uploadcare.Simple ".length()).strip());
		}
		if (!authorization.startsWith("Uploadcare ")) {
			return Optional.of("Incorrect authentication credentials.");
		}
		String credentials = authorization.substring("Uploadcare ".length()).strip();
		int colon = credentials.indexOf(':');
		if (colon < 0) {
			return Optional.of("Incorrect authentication credentials.");
		}
		String key = credentials.substring(0, colon);
		String signature = credentials.substring(colon + 1);
		if (!key.equals(this.publicKey)) {
			return Optional.of("Public key " + key + " not found.");
		}
		if (date == null || date.isBlank()) {
			return Optional.of("Date header is required.");
		}
		Instant sent = parseDate(date);
		if (sent == null) {
			return Optional.of("Date header is not in RFC 1123 format.");
		}
		if (Duration.between(sent, this.clock.instant()).abs().compareTo(DATE_WINDOW) > 0) {
			return Optional.of("Date header is out of the allowed range of 15 minutes.");
		}
		String type = (contentType != null) ? contentType : "";
		String expected = sign(this.secretKey, method, body, type, date, pathWithQuery);
		if (Crypto.constantTimeEquals(expected, signature)) {
			return Optional.empty();
		}
		return Optional.of("Incorrect authentication credentials.");
	}

	private Optional<String> checkSimple(String credentials) {
		int colon = credentials.indexOf(':');
		if (colon < 0) {
			return Optional.of("Incorrect authentication credentials.");
		}
		String key = credentials.substring(0, colon);
		if (!key.equals(this.publicKey)) {
			return Optional.of("Public key " + key + " not found.");
		}
		if (!Crypto.constantTimeEquals(this.secretKey, credentials.substring(colon + 1))) {
			return Optional.of("Incorrect authentication credentials.");
		}
		return Optional.empty();
	}

	/**
	 * Reads a request date in the forms the official clients send.
	 * @param date the header value
	 * @return the instant, or {@code null} when it is no RFC 1123 date
	 */
	public static @Nullable Instant parseDate(String date) {
		String text = date.strip();
		if (text.endsWith(" UTC")) {
			text = text.substring(0, text.length() - 3) + "GMT";
		}
		try {
			return ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

}
