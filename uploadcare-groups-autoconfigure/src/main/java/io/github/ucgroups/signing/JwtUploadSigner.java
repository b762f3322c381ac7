package io.github.ucgroups.signing;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.json.JsonMapper;

/**
 * The JWT signed-upload scheme: an {@code Authorization: Bearer} token signed with HS256, whose
 * key is the SHA-256 digest of the secret key, carrying {@code iat}, {@code exp} and the
 * endpoint scope ({@code uc.restrictions.scope}, e.g. {@code /group/} or {@code /multipart/*}).
 * Tokens are cached per scope and refreshed once less than the refresh margin remains;
 * concurrent callers share one refresh.
 * <p>
 * {@code iat} is back-dated by {@link #CLOCK_SKEW}, so that a host clock slightly ahead of
 * Uploadcare's does not produce a token "issued in the future"; {@code exp} is now plus the
 * lifetime, and never more than {@link #MAX_LIFETIME} after {@code iat}.
 */
public final class JwtUploadSigner implements UploadSigner {

	/** Uploadcare accepts tokens that live at most this long. */
	public static final Duration MAX_LIFETIME = Duration.ofHours(24);

	/** How far {@code iat} is back-dated, to tolerate a host clock ahead of Uploadcare's. */
	public static final Duration CLOCK_SKEW = Duration.ofSeconds(30);

	private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

	private static final String HEADER = BASE64URL
		.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));

	private final byte[] signingKey;

	private final Duration lifetime;

	private final Duration refreshMargin;

	private final Clock clock;

	private final JsonMapper jsonMapper = JsonMapper.builder().build();

	private final Map<String, Token> tokens = new ConcurrentHashMap<>();

	/**
	 * Creates the signer.
	 * @param secretKey the project's secret key
	 * @param lifetime how long each token is valid (at most 24 hours)
	 * @param clock the clock giving "now"
	 */
	public JwtUploadSigner(String secretKey, Duration lifetime, Clock clock) {
		Objects.requireNonNull(secretKey, "secretKey must not be null");
		if (secretKey.isBlank()) {
			throw new IllegalArgumentException("The secret key must not be blank");
		}
		if (lifetime.compareTo(Duration.ofSeconds(2)) < 0 || lifetime.compareTo(MAX_LIFETIME) > 0) {
			throw new IllegalArgumentException("JWT lifetime " + lifetime + " must be between 2 seconds and 24 hours");
		}
		this.signingKey = Hmac.digest("SHA-256", secretKey.getBytes(StandardCharsets.UTF_8));
		this.lifetime = lifetime;
		// At least one second, so that a token is never handed out in its last second.
		Duration quarter = lifetime.dividedBy(4);
		this.refreshMargin = (quarter.compareTo(Duration.ofSeconds(1)) < 0) ? Duration.ofSeconds(1) : quarter;
		this.clock = Objects.requireNonNull(clock, "clock must not be null");
	}

	@Override
	public UploadAuthorization authorize(String scope) {
		long now = this.clock.instant().getEpochSecond();
		Token token = this.tokens.get(scope);
		if (token == null || token.needsRefresh(now, this.refreshMargin)) {
			// compute() runs once per key at a time: concurrent callers wait for one refresh.
			token = this.tokens.compute(scope,
					(key, existing) -> (existing != null && !existing.needsRefresh(now, this.refreshMargin)) ? existing
							: issue(key, now));
		}
		return new UploadAuthorization(Map.of(), token.value);
	}

	private Token issue(String scope, long now) {
		return sign(List.of(scope), null, now);
	}

	/**
	 * Issues a fresh token (not cached) for several endpoint scopes, for example for a browser
	 * that uploads directly to Uploadcare ({@code ["/base/", "/multipart/*", "/group/"]}).
	 * @param scope the endpoint scopes ({@code uc.restrictions.scope}); an item ending in
	 * {@code /*} matches a path prefix
	 * @param operationsLimit the most upload operations the token allows
	 * ({@code uc.restrictions.limits.operations}, 1 to 100000), or {@code null} for no limit
	 * @return the token and its expiry
	 * @throws IllegalArgumentException if the scope is empty or the limit out of range
	 */
	public IssuedToken issueToken(List<String> scope, @Nullable Integer operationsLimit) {
		if (scope.isEmpty()) {
			throw new IllegalArgumentException("The JWT scope must name at least one endpoint");
		}
		if (operationsLimit != null && (operationsLimit < 1 || operationsLimit > 100_000)) {
			throw new IllegalArgumentException("JWT operations limit " + operationsLimit + " is out of range 1..100000");
		}
		Token token = sign(List.copyOf(scope), operationsLimit, this.clock.instant().getEpochSecond());
		return new IssuedToken(token.value, Instant.ofEpochSecond(token.exp));
	}

	private Token sign(List<String> scope, @Nullable Integer operationsLimit, long now) {
		long iat = now - CLOCK_SKEW.toSeconds();
		long exp = Math.min(now + this.lifetime.toSeconds(), iat + MAX_LIFETIME.toSeconds());
		Map<String, Object> restrictions = new LinkedHashMap<>();
		restrictions.put("scope", scope);
		if (operationsLimit != null) {
			restrictions.put("limits", Map.of("operations", operationsLimit));
		}
		Map<String, Object> claims = Map.of("iat", iat, "exp", exp, "uc", Map.of("restrictions", restrictions));
		String payload = BASE64URL.encodeToString(this.jsonMapper.writeValueAsBytes(claims));
		String signingInput = HEADER + "." + payload;
		String signature = BASE64URL.encodeToString(Hmac.mac("HmacSHA256", this.signingKey, signingInput));
		return new Token(signingInput + "." + signature, exp);
	}

	/**
	 * A token issued by {@link #issueToken(List, Integer)}. {@link #toString()} hides the token.
	 *
	 * @param token the compact JWT
	 * @param expiresAt when it expires ({@code exp})
	 */
	public record IssuedToken(String token, Instant expiresAt) {

		@Override
		public String toString() {
			return "IssuedToken[token=******, expiresAt=" + this.expiresAt + "]";
		}

	}

	@Override
	public String toString() {
		return "JwtUploadSigner[lifetime=" + this.lifetime + "]";
	}

	private record Token(String value, long exp) {

		boolean needsRefresh(long now, Duration margin) {
			return this.exp - now < margin.toSeconds();
		}

		@Override
		public String toString() {
			return "Token[exp=" + this.exp + "]";
		}

	}

}
