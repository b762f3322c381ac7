package io.github.ucgroups.emulator.boot;

import io.github.ucgroups.emulator.UploadcareEmulator;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the embedded Uploadcare emulator ({@code uploadcare.emulator.*}).
 */
@ConfigurationProperties("uploadcare.emulator")
public class UploadcareEmulatorProperties {

	/**
	 * Whether to run an embedded Uploadcare emulator and connect to it. When unset, the emulator
	 * runs only if no 'uploadcare.public-key' is configured.
	 */
	private @Nullable Boolean enabled;

	/**
	 * Port of the emulator's Upload API on 127.0.0.1; the REST API and the CDN listen on the
	 * next two ports. 0 picks free ports for all three.
	 */
	private int port;

	/**
	 * Whether the emulator requires signed uploads (a valid signature or upload token on /base/,
	 * /multipart/start/, /from_url/ and /group/).
	 */
	private boolean signedUploadsRequired;

	/**
	 * Public key of the emulated project.
	 */
	private String publicKey = UploadcareEmulator.DEFAULT_PUBLIC_KEY;

	/**
	 * Secret key of the emulated project.
	 */
	private String secretKey = UploadcareEmulator.DEFAULT_SECRET_KEY;

	/**
	 * Largest file kept in memory; larger files are kept in a temporary directory deleted when
	 * the emulator stops.
	 */
	private DataSize maxInMemoryFileSize = DataSize.ofMegabytes(16);

	/**
	 * Returns whether the emulator is enabled, or {@code null} when not set.
	 * @return the flag
	 */
	public @Nullable Boolean getEnabled() {
		return this.enabled;
	}

	/**
	 * Sets whether the emulator is enabled.
	 * @param enabled the flag
	 */
	public void setEnabled(@Nullable Boolean enabled) {
		this.enabled = enabled;
	}

	/**
	 * Returns the port.
	 * @return the port, 0 for a free one
	 */
	public int getPort() {
		return this.port;
	}

	/**
	 * Sets the port.
	 * @param port the port, 0 for a free one
	 */
	public void setPort(int port) {
		this.port = port;
	}

	/**
	 * Returns whether signed uploads are required.
	 * @return the flag
	 */
	public boolean isSignedUploadsRequired() {
		return this.signedUploadsRequired;
	}

	/**
	 * Sets whether signed uploads are required.
	 * @param signedUploadsRequired the flag
	 */
	public void setSignedUploadsRequired(boolean signedUploadsRequired) {
		this.signedUploadsRequired = signedUploadsRequired;
	}

	/**
	 * Returns the public key.
	 * @return the public key
	 */
	public String getPublicKey() {
		return this.publicKey;
	}

	/**
	 * Sets the public key.
	 * @param publicKey the public key
	 */
	public void setPublicKey(String publicKey) {
		this.publicKey = publicKey;
	}

	/**
	 * Returns the secret key.
	 * @return the secret key
	 */
	public String getSecretKey() {
		return this.secretKey;
	}

	/**
	 * Sets the secret key.
	 * @param secretKey the secret key
	 */
	public void setSecretKey(String secretKey) {
		this.secretKey = secretKey;
	}

	/**
	 * Returns the in-memory cap per file.
	 * @return the cap
	 */
	public DataSize getMaxInMemoryFileSize() {
		return this.maxInMemoryFileSize;
	}

	/**
	 * Sets the in-memory cap per file.
	 * @param maxInMemoryFileSize the cap
	 */
	public void setMaxInMemoryFileSize(DataSize maxInMemoryFileSize) {
		this.maxInMemoryFileSize = maxInMemoryFileSize;
	}

	/**
	 * Starts an emulator with these settings.
	 * @return the running emulator
	 */
	public UploadcareEmulator startEmulator() {
		return UploadcareEmulator.builder()
			.port(this.port)
			.publicKey(this.publicKey)
			.secretKey(this.secretKey)
			.signedUploadsRequired(this.signedUploadsRequired)
			.maxInMemoryFileSize(this.maxInMemoryFileSize.toBytes())
			.start();
	}

}
