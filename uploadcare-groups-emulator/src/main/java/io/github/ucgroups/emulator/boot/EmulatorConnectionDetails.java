package io.github.ucgroups.emulator.boot;

import java.net.URI;

import io.github.ucgroups.autoconfigure.UploadcareConnectionDetails;
import io.github.ucgroups.emulator.UploadcareEmulator;

/**
 * {@link UploadcareConnectionDetails} pointing at a running {@link UploadcareEmulator}. Its
 * {@code toString()} masks the secret key.
 */
public final class EmulatorConnectionDetails implements UploadcareConnectionDetails {

	private final UploadcareEmulator emulator;

	/**
	 * Creates connection details for an emulator.
	 * @param emulator the running emulator
	 */
	public EmulatorConnectionDetails(UploadcareEmulator emulator) {
		this.emulator = emulator;
	}

	/**
	 * Returns the emulator's public key.
	 * @return the public key
	 */
	@Override
	public String getPublicKey() {
		return this.emulator.publicKey();
	}

	/**
	 * Returns the emulator's secret key.
	 * @return the secret key
	 */
	@Override
	public String getSecretKey() {
		return this.emulator.secretKey();
	}

	/**
	 * Returns the emulator's Upload API URL.
	 * @return the URL
	 */
	@Override
	public URI getUploadUrl() {
		return this.emulator.uploadUrl();
	}

	/**
	 * Returns the emulator's REST API URL.
	 * @return the URL
	 */
	@Override
	public URI getRestUrl() {
		return this.emulator.restUrl();
	}

	/**
	 * Returns the emulator's CDN URL.
	 * @return the URL
	 */
	@Override
	public URI getCdnUrl() {
		return this.emulator.cdnUrl();
	}

	/**
	 * Describes the connection without the secret key.
	 * @return the description
	 */
	@Override
	public String toString() {
		return "EmulatorConnectionDetails[publicKey=" + getPublicKey() + ", secretKey=******, uploadUrl="
				+ getUploadUrl() + ", restUrl=" + getRestUrl() + ", cdnUrl=" + getCdnUrl() + "]";
	}

}
