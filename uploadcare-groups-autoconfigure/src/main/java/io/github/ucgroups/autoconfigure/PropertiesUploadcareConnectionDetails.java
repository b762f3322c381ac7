package io.github.ucgroups.autoconfigure;

import java.net.URI;

import org.jspecify.annotations.Nullable;

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

	@Override
	public URI getCdnUrl() {
		return this.properties.getCdnUrl();
	}

	@Override
	public String toString() {
		return "PropertiesUploadcareConnectionDetails[publicKey=" + this.properties.getPublicKey() + ", secretKey="
				+ ((getSecretKey() != null) ? "******" : "none") + ", uploadUrl=" + getUploadUrl() + "]";
	}

}
