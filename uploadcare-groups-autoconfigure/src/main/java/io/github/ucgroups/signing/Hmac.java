package io.github.ucgroups.signing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC and digest helpers shared by the signing schemes. */
public final class Hmac {

	private Hmac() {
	}

	/**
	 * Computes an HMAC.
	 * @param algorithm the JCA name, e.g. {@code HmacSHA256}
	 * @param key the key bytes
	 * @param message the message, encoded as UTF-8
	 * @return the MAC bytes
	 */
	public static byte[] mac(String algorithm, byte[] key, String message) {
		return mac(algorithm, key, message.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * Computes an HMAC over raw bytes (a webhook body exactly as it was received).
	 * @param algorithm the JCA name, e.g. {@code HmacSHA256}
	 * @param key the key bytes
	 * @param message the message bytes
	 * @return the MAC bytes
	 */
	public static byte[] mac(String algorithm, byte[] key, byte[] message) {
		try {
			Mac mac = Mac.getInstance(algorithm);
			mac.init(new SecretKeySpec(key, algorithm));
			return mac.doFinal(message);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(algorithm + " is not available in this JVM", ex);
		}
	}

	/**
	 * Computes an HMAC as lower-case hex.
	 * @param algorithm the JCA name
	 * @param key the key bytes
	 * @param message the message
	 * @return lower-case hex
	 */
	public static String macHex(String algorithm, byte[] key, String message) {
		return HexFormat.of().formatHex(mac(algorithm, key, message));
	}

	/**
	 * Computes a message digest.
	 * @param algorithm the JCA name, e.g. {@code SHA-256} or {@code MD5}
	 * @param data the data
	 * @return the digest bytes
	 */
	public static byte[] digest(String algorithm, byte[] data) {
		try {
			return MessageDigest.getInstance(algorithm).digest(data);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(algorithm + " is not available in this JVM", ex);
		}
	}

}
