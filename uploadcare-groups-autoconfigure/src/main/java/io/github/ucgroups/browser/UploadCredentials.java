package io.github.ucgroups.browser;

import java.time.Instant;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * Upload credentials for a browser, in the JSON shape the File Uploader expects: either
 * {@code {"secureSignature": "…", "secureExpire": "…"}} (the legacy scheme; what
 * {@code secureUploadsSignatureResolver} must return) or {@code {"token": "…"}} (a JWT for
 * {@code Authorization: Bearer}). {@link #toString()} never shows the signature or token.
 *
 * @param secureSignature the lower-case hex HMAC-SHA256 of {@code secureExpire}, legacy scheme
 * @param secureExpire the expiry as decimal Unix seconds, legacy scheme
 * @param token the JWT, JWT scheme
 * @param expiresAt when the credentials expire
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UploadCredentials(@Nullable String secureSignature, @Nullable String secureExpire,
		@Nullable String token, @JsonIgnore Instant expiresAt) {

	/**
	 * Creates credentials; exactly one of the two forms must be given.
	 * @param secureSignature the signature, or {@code null}
	 * @param secureExpire the expiry text, or {@code null}
	 * @param token the JWT, or {@code null}
	 * @param expiresAt when they expire
	 */
	public UploadCredentials {
		Objects.requireNonNull(expiresAt, "expiresAt must not be null");
		boolean legacy = secureSignature != null && secureExpire != null;
		if (legacy == (token != null) || (secureSignature == null) != (secureExpire == null)) {
			throw new IllegalArgumentException(
					"Upload credentials are either a signature with its expiry or a token, not both or neither");
		}
	}

	/**
	 * Legacy credentials.
	 * @param signature the signature
	 * @param expire the expiry, Unix seconds
	 * @return the credentials
	 */
	public static UploadCredentials signature(String signature, long expire) {
		return new UploadCredentials(signature, Long.toString(expire), null, Instant.ofEpochSecond(expire));
	}

	/**
	 * JWT credentials.
	 * @param token the token
	 * @param expiresAt its expiry
	 * @return the credentials
	 */
	public static UploadCredentials jwt(String token, Instant expiresAt) {
		return new UploadCredentials(null, null, token, expiresAt);
	}

	@Override
	public String toString() {
		return "UploadCredentials[" + ((this.token != null) ? "token" : "signature") + "=******, expiresAt="
				+ this.expiresAt + "]";
	}

}
