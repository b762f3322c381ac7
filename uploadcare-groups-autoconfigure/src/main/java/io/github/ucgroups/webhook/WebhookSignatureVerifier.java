package io.github.ucgroups.webhook;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import io.github.ucgroups.WebhookSubscriptionRequest;
import io.github.ucgroups.signing.Hmac;

/**
 * Verifies Uploadcare's webhook signatures: {@code X-Uc-Signature: v1=<hex HMAC-SHA256 of the raw
 * body, keyed with the signing secret>}. Several secrets may be accepted at once, so that a
 * secret can be rotated without losing deliveries. Comparisons take constant time
 * ({@link MessageDigest#isEqual}); the secrets never appear in {@link #toString()} or messages.
 * <p>
 * Uploadcare signs no timestamp, so a valid signature proves who sent a body, not when: a
 * captured delivery can be replayed. The receiver de-duplicates deliveries for a bounded window
 * for that reason.
 */
public final class WebhookSignatureVerifier {

	/** The header that carries the signature. */
	public static final String HEADER = "X-Uc-Signature";

	private static final String VERSION_PREFIX = "v1=";

	private static final String ALGORITHM = "HmacSHA256";

	/** Length of a hex HMAC-SHA256. */
	private static final int HEX_LENGTH = 64;

	private final List<byte[]> secrets;

	/**
	 * Creates a verifier accepting signatures made with any of the secrets.
	 * @param secrets the signing secrets, at least one, each at most
	 * {@value WebhookSubscriptionRequest#MAX_SIGNING_SECRET_LENGTH} characters
	 * @throws IllegalArgumentException if there is no secret, or one is blank or too long (the
	 * message names its position and length, never the secret)
	 */
	public WebhookSignatureVerifier(List<String> secrets) {
		if (secrets == null || secrets.isEmpty()) {
			throw new IllegalArgumentException("at least one webhook signing secret is needed");
		}
		List<byte[]> keys = new ArrayList<>();
		for (int i = 0; i < secrets.size(); i++) {
			String secret = secrets.get(i);
			WebhookSubscriptionRequest.checkSigningSecret(secret, "signing secret [" + i + "]");
			keys.add(secret.getBytes(StandardCharsets.UTF_8));
		}
		this.secrets = List.copyOf(keys);
	}

	/**
	 * Tells whether the header holds a valid signature of the body under one of the secrets.
	 * @param body the body exactly as received
	 * @param header the {@value #HEADER} header's value, or {@code null} when it was missing
	 * @return whether the signature is valid
	 */
	public boolean isValid(byte[] body, @Nullable String header) {
		byte[] expected = parse(header);
		if (expected == null) {
			return false;
		}
		boolean valid = false;
		for (byte[] secret : this.secrets) {
			// Every secret is tried, so that the time taken does not tell which one matched.
			valid |= MessageDigest.isEqual(Hmac.mac(ALGORITHM, secret, body), expected);
		}
		return valid;
	}

	/**
	 * Computes the {@value #HEADER} value Uploadcare sends for a body, e.g. to post signed
	 * deliveries to a receiver in tests.
	 * @param secret the signing secret
	 * @param body the body
	 * @return {@code v1=<lower-case hex>}
	 */
	public static String sign(String secret, byte[] body) {
		return VERSION_PREFIX + HexFormat.of()
			.formatHex(Hmac.mac(ALGORITHM, secret.getBytes(StandardCharsets.UTF_8), body));
	}

	private static byte @Nullable [] parse(@Nullable String header) {
		if (header == null) {
			return null;
		}
		String value = header.trim();
		if (!value.regionMatches(true, 0, VERSION_PREFIX, 0, VERSION_PREFIX.length())) {
			return null;
		}
		String hex = value.substring(VERSION_PREFIX.length()).toLowerCase(Locale.ROOT);
		if (hex.length() != HEX_LENGTH) {
			return null;
		}
		try {
			return HexFormat.of().parseHex(hex);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	@Override
	public String toString() {
		return "WebhookSignatureVerifier[" + this.secrets.size() + " secret(s)]";
	}

}
