package io.github.ucgroups.browser;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import io.github.ucgroups.signing.JwtUploadSigner;
import io.github.ucgroups.signing.SignatureUploadSigner;

/**
 * Issues short-lived upload credentials for browsers that upload straight to Uploadcare (the
 * File Uploader's {@code secureUploadsSignatureResolver}). Every call issues credentials valid
 * for the configured lifetime from now. The starter's optional endpoint
 * ({@code uploadcare.browser-uploads.credentials.enabled}) answers with these; applications that
 * write their own controller inject this bean (present whenever a secret key is configured).
 * <p>
 * Whoever obtains credentials can upload into the project until they expire: hand them only to
 * users allowed to upload.
 */
public final class BrowserUploadCredentials {

	private final String secretKey;

	private final Duration lifetime;

	private final Clock clock;

	private final @Nullable JwtUploadSigner jwtSigner;

	private final List<String> jwtScope;

	private final @Nullable Integer operationsLimit;

	private BrowserUploadCredentials(String secretKey, Duration lifetime, Clock clock,
			@Nullable JwtUploadSigner jwtSigner, List<String> jwtScope, @Nullable Integer operationsLimit) {
		if (secretKey.isBlank()) {
			throw new IllegalArgumentException("The secret key must not be blank");
		}
		if (lifetime.compareTo(Duration.ofSeconds(2)) < 0) {
			throw new IllegalArgumentException("Credentials lifetime " + lifetime + " is too short (2s at least)");
		}
		this.secretKey = secretKey;
		this.lifetime = lifetime;
		this.clock = Objects.requireNonNull(clock, "clock must not be null");
		this.jwtSigner = jwtSigner;
		this.jwtScope = List.copyOf(jwtScope);
		this.operationsLimit = operationsLimit;
	}

	/**
	 * Credentials of the legacy scheme: {@code secureSignature} and {@code secureExpire}.
	 * @param secretKey the project's secret key
	 * @param lifetime how long each issued signature stays valid
	 * @param clock the clock giving "now"
	 * @return the issuer
	 */
	public static BrowserUploadCredentials signatures(String secretKey, Duration lifetime, Clock clock) {
		return new BrowserUploadCredentials(secretKey, lifetime, clock, null, List.of(), null);
	}

	/**
	 * Credentials of the JWT scheme: {@code token}, HS256, restricted to the given endpoints.
	 * @param secretKey the project's secret key
	 * @param lifetime how long each token stays valid (at most 24 hours)
	 * @param clock the clock giving "now"
	 * @param scope the endpoints the token may be used for, e.g. {@code /base/},
	 * {@code /multipart/*}, {@code /group/}
	 * @param operationsLimit the most upload operations per token (1 to 100000), or {@code null}
	 * @return the issuer
	 * @throws IllegalArgumentException if the scope is empty or the limit is out of range
	 */
	public static BrowserUploadCredentials jwt(String secretKey, Duration lifetime, Clock clock, List<String> scope,
			@Nullable Integer operationsLimit) {
		JwtUploadSigner signer = new JwtUploadSigner(secretKey, lifetime, clock);
		// Issuing one token checks the scope and limit now, at startup, not at the first request.
		signer.issueToken(scope, operationsLimit);
		return new BrowserUploadCredentials(secretKey, lifetime, clock, signer, scope, operationsLimit);
	}

	/**
	 * Issues credentials valid from now for the configured lifetime.
	 * @return the credentials
	 */
	public UploadCredentials issue() {
		if (this.jwtSigner != null) {
			JwtUploadSigner.IssuedToken token = this.jwtSigner.issueToken(this.jwtScope, this.operationsLimit);
			return UploadCredentials.jwt(token.token(), token.expiresAt());
		}
		long expire = this.clock.instant().getEpochSecond() + this.lifetime.toSeconds();
		return UploadCredentials.signature(SignatureUploadSigner.sign(this.secretKey, expire), expire);
	}

	/** Returns the lifetime of issued credentials. */
	public Duration lifetime() {
		return this.lifetime;
	}

	@Override
	public String toString() {
		return "BrowserUploadCredentials[scheme=" + ((this.jwtSigner != null) ? "jwt" : "signature") + ", lifetime="
				+ this.lifetime + "]";
	}

}
