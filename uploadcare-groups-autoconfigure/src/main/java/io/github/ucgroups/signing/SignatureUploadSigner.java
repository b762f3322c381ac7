package io.github.ucgroups.signing;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * The legacy signed-upload scheme: form fields {@code expire} (Unix seconds) and
 * {@code signature} (lower-case hex HMAC-SHA256 of the decimal {@code expire} with the secret
 * key). One signature serves every scope, so it is cached and renewed once less than half of its
 * lifetime remains: never one value for the life of the process.
 */
public final class SignatureUploadSigner implements UploadSigner {

	private final byte[] secretKey;

	private final Duration lifetime;

	private final Clock clock;

	private volatile @Nullable Signed current;

	/**
	 * Creates the signer.
	 * @param secretKey the project's secret key
	 * @param lifetime how long each signature stays valid
	 * @param clock the clock giving "now"
	 */
	public SignatureUploadSigner(String secretKey, Duration lifetime, Clock clock) {
		Objects.requireNonNull(secretKey, "secretKey must not be null");
		if (secretKey.isBlank()) {
			throw new IllegalArgumentException("The secret key must not be blank");
		}
		if (lifetime.compareTo(Duration.ofSeconds(2)) < 0) {
			throw new IllegalArgumentException("Signature lifetime " + lifetime + " is too short (2s at least)");
		}
		this.secretKey = secretKey.getBytes(StandardCharsets.UTF_8);
		this.lifetime = lifetime;
		this.clock = Objects.requireNonNull(clock, "clock must not be null");
	}

	/**
	 * Computes the signature for an expiry time.
	 * @param secretKey the secret key
	 * @param expire the expiry, Unix seconds
	 * @return the lower-case hex signature
	 */
	public static String sign(String secretKey, long expire) {
		return Hmac.macHex("HmacSHA256", secretKey.getBytes(StandardCharsets.UTF_8), Long.toString(expire));
	}

	@Override
	public UploadAuthorization authorize(String scope) {
		long now = this.clock.instant().getEpochSecond();
		Signed signed = this.current;
		if (signed == null || signed.expire - now < this.lifetime.toSeconds() / 2) {
			signed = renew(now);
		}
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("signature", signed.signature);
		fields.put("expire", Long.toString(signed.expire));
		return new UploadAuthorization(fields, null);
	}

	private synchronized Signed renew(long now) {
		Signed signed = this.current;
		if (signed != null && signed.expire - now >= this.lifetime.toSeconds() / 2) {
			return signed; // another thread renewed it meanwhile
		}
		long expire = now + this.lifetime.toSeconds();
		signed = new Signed(expire, Hmac.macHex("HmacSHA256", this.secretKey, Long.toString(expire)));
		this.current = signed;
		return signed;
	}

	@Override
	public String toString() {
		return "SignatureUploadSigner[lifetime=" + this.lifetime + "]";
	}

	private record Signed(long expire, String signature) {
	}

}
