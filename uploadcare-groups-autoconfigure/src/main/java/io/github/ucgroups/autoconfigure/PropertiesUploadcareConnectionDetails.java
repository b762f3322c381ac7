package io.github.ucgroups.autoconfigure;

import java.net.URI;

import org.jspecify.annotations.Nullable;

import io.github.ucgroups.cdn.CdnUrls;

/**
 * {@link UploadcareConnectionDetails} read from {@link UploadcareProperties}.
 */
class PropertiesUploadcareConnectionDetails implements UploadcareConnectionDetails {

	private final UploadcareProperties properties;

	PropertiesUploadcareConnectionDetails(UploadcareProperties properties) {
		this.properties = properties;
	}

	@Override
	public String getPublicKey() {
		String publicKey = this.properties.getPublicKey();
		if (publicKey == null || publicKey.isBlank()) {
			throw new MissingPublicKeyException();
		}
		return publicKey.strip();
	}

	@Override
	public @Nullable String getSecretKey() {
		String secretKey = this.properties.getSecretKey();
		return (secretKey == null || secretKey.isBlank()) ? null : secretKey.strip();
	}

	@Override
	public URI getUploadUrl() {
		return this.properties.getUploadUrl();
	}

	@Override
	public URI getRestUrl() {
		return this.properties.getRestUrl();
	}

	/**
	 * Returns {@code uploadcare.cdn-url}, or the project's own CDN host
	 * ({@code https://<prefix>.ucarecd.net}) when it is not set.
	 */
	@Override
	public URI getCdnUrl() {
		URI configured = this.properties.getCdnUrl();
		return (configured != null) ? configured : CdnUrls.projectCdnBase(getPublicKey());
	}

	@Override
	public String toString() {
		return "PropertiesUploadcareConnectionDetails[publicKey=" + this.properties.getPublicKey() + ", secretKey="
				+ ((getSecretKey() != null) ? "******" : "none") + ", uploadUrl=" + getUploadUrl() + "]";
	}

}
