package io.github.ucgroups.emulator.auth;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks the credentials of signable Upload API requests: the legacy {@code signature} +
 * {@code expire} form fields (lowercase hex HMAC-SHA256 of the decimal {@code expire} with the
 * secret key) and upload JWTs ({@code Authorization: Bearer}, HS256 keyed with the raw SHA-256
 * digest of the secret key, {@code iat} and {@code exp} required, lifetime at most 24 hours,
 * optional {@code uc.restrictions.scope}). If both are sent, the signature is checked.
 * Credentials are checked only when the project requires signed uploads, as the real service
 * does: otherwise whatever is sent is ignored.
 */
public final class UploadAuth {

	private static final long MAX_TOKEN_LIFETIME_SECONDS = 24 * 60 * 60;

	private final String secretKey;

	private final Clock clock;

	private final JsonMapper json = JsonMapper.builder().build();

	/**
	 * Creates the checker.
	 * @param secretKey the project's secret key
	 * @param clock the clock expiry is measured with
	 */
	public UploadAuth(String secretKey, Clock clock) {
		this.secretKey = secretKey;
		this.clock = clock;
	}

	/**
	 * Checks a signable request.
	 * @param required whether the project requires signed uploads; when it does not, nothing is
	 * checked
	 * @param signature the {@code signature} field, if sent
	 * @param expire the {@code expire} field, if sent
	 * @param authorization the {@code Authorization} header, if sent
	 * @param endpoint the endpoint path used for JWT scopes, e.g. {@code /group/}
	 * @return the rejection, or empty when the request may proceed
	 */
	public Optional<Rejection> check(boolean required, @Nullable String signature, @Nullable String expire,
			@Nullable String authorization, String endpoint) {
		if (!required) {
			return Optional.empty();
		}
		if (signature != null || expire != null) {
			return checkSignature(signature, expire);
		}
		if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
			return checkToken(authorization.substring(7).strip(), endpoint);
		}
		return Optional.of(new Rejection(400, "`signature` is required.", "SignatureRequiredError"));
	}

	/**
	 * Checks a legacy signature.
	 * @param signature the {@code signature} field, if sent
	 * @param expire the {@code expire} field, if sent
	 * @return the rejection, or empty if valid
	 */
	public Optional<Rejection> checkSignature(@Nullable String signature, @Nullable String expire) {
		if (signature == null || signature.isEmpty()) {
			return Optional.of(new Rejection(400, "`signature` is required.", "SignatureRequiredError"));
		}
		if (expire == null || expire.isEmpty()) {
			return Optional.of(new Rejection(400, "`expire` is required.", "SignatureExpirationRequiredError"));
		}
		long expireSeconds;
		try {
			expireSeconds = Long.parseLong(expire);
		}
		catch (NumberFormatException ex) {
			return Optional
				.of(new Rejection(400, "`expire` must be a UNIX timestamp.", "SignatureExpirationInvalidError"));
		}
		if (expireSeconds < this.clock.instant().getEpochSecond()) {
			return Optional.of(new Rejection(403, "Expired signature.", "SignatureExpirationError"));
		}
		String expected = Crypto.hmacHex("HmacSHA256", this.secretKey, expire);
		if (!Crypto.constantTimeEquals(expected, signature.toLowerCase(Locale.ROOT))) {
			return Optional.of(new Rejection(403, "Invalid signature.", "SignatureInvalidError"));
		}
		return Optional.empty();
	}

	/**
	 * Checks an upload JWT.
	 * @param token the compact JWT
	 * @param endpoint the endpoint path, matched against {@code uc.restrictions.scope}
	 * @return the rejection, or empty if valid
	 */
	public Optional<Rejection> checkToken(String token, String endpoint) {
		String[] parts = token.split("\\.", -1);
		if (parts.length != 3) {
			return invalid("malformed token");
		}
		JsonNode header;
		JsonNode claims;
		byte[] signature;
		try {
			Base64.Decoder decoder = Base64.getUrlDecoder();
			header = this.json.readTree(decoder.decode(parts[0]));
			claims = this.json.readTree(decoder.decode(parts[1]));
			signature = decoder.decode(parts[2]);
		}
		catch (IllegalArgumentException | JacksonException ex) {
			return invalid("malformed token");
		}
		if (!header.isObject() || !claims.isObject()) {
			return invalid("malformed token");
		}
		if (!"HS256".equals(header.path("alg").asString(""))) {
			return invalid("unsupported algorithm");
		}
		byte[] key = Crypto.digest("SHA-256", this.secretKey.getBytes(StandardCharsets.UTF_8));
		byte[] expected = Crypto.hmac("HmacSHA256", key,
				(parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
		if (!java.security.MessageDigest.isEqual(expected, signature)) {
			return invalid("signature verification failed");
		}
		JsonNode iat = claims.get("iat");
		JsonNode exp = claims.get("exp");
		if (iat == null || !iat.isNumber()) {
			return invalid("iat claim is required");
		}
		if (exp == null || !exp.isNumber()) {
			return invalid("exp claim is required");
		}
		long now = this.clock.instant().getEpochSecond();
		if (exp.asLong() <= now) {
			return Optional.of(new Rejection(401, "Expired token.", "AccessTokenExpiredError"));
		}
		if (exp.asLong() - iat.asLong() > MAX_TOKEN_LIFETIME_SECONDS) {
			return invalid("token lifetime exceeds 24 hours");
		}
		if (iat.asLong() > now + 60) {
			return invalid("token issued in the future");
		}
		List<String> scope = scope(claims);
		if (scope != null && scope.stream().noneMatch((pattern) -> matches(pattern, endpoint))) {
			return invalid("scope does not allow " + endpoint);
		}
		return Optional.empty();
	}

	private static @Nullable List<String> scope(JsonNode claims) {
		JsonNode scope = claims.path("uc").path("restrictions").path("scope");
		if (scope.isMissingNode()) {
			scope = claims.path("uc.restrictions.scope");
		}
		if (scope.isMissingNode() || scope.isNull()) {
			return null;
		}
		List<String> patterns = new ArrayList<>();
		if (scope.isArray()) {
			for (JsonNode item : scope) {
				patterns.add(item.asString(""));
			}
		}
		else {
			patterns.add(scope.asString(""));
		}
		return patterns;
	}

	private static boolean matches(String pattern, String endpoint) {
		if (pattern.endsWith("*")) {
			return endpoint.startsWith(pattern.substring(0, pattern.length() - 1));
		}
		return endpoint.equals(pattern);
	}

	private static Optional<Rejection> invalid(String reason) {
		return Optional.of(new Rejection(401, "Invalid token. Reason: " + reason, "AccessTokenInvalidError"));
	}

}
