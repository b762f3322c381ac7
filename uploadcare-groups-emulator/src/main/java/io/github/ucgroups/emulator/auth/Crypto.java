package io.github.ucgroups.emulator.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The few cryptographic helpers the checks need, on {@code javax.crypto} only.
 */
public final class Crypto {

	private Crypto() {
	}

	/**
	 * Computes an HMAC.
	 * @param algorithm the JCA name, e.g. {@code HmacSHA256}
	 * @param key the key bytes
	 * @param message the message
	 * @return the raw MAC
	 */
	public static byte[] hmac(String algorithm, byte[] key, byte[] message) {
		try {
			Mac mac = Mac.getInstance(algorithm);
			mac.init(new SecretKeySpec(key, algorithm));
			return mac.doFinal(message);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(algorithm + " is not available", ex);
		}
	}

	/**
	 * Computes an HMAC of UTF-8 text as lowercase hex.
	 * @param algorithm the JCA name
	 * @param key the key text
	 * @param message the message text
	 * @return the lowercase hex MAC
	 */
	public static String hmacHex(String algorithm, String key, String message) {
		return HexFormat.of()
			.formatHex(hmac(algorithm, key.getBytes(StandardCharsets.UTF_8), message.getBytes(StandardCharsets.UTF_8)));
	}

	/**
	 * Computes a message digest.
	 * @param algorithm the JCA name, e.g. {@code MD5}
	 * @param data the data
	 * @return the raw digest
	 */
	public static byte[] digest(String algorithm, byte[] data) {
		try {
			return MessageDigest.getInstance(algorithm).digest(data);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(algorithm + " is not available", ex);
		}
	}

	/**
	 * Compares two strings in time independent of where they differ.
	 * @param a one string
	 * @param b the other
	 * @return {@code true} if equal
	 */
	public static boolean constantTimeEquals(String a, String b) {
		return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
	}

}
