package io.github.ucgroups.autoconfigure;

import java.net.URI;

import org.jspecify.annotations.Nullable;

import io.github.ucgroups.cdn.CdnUrls;

import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;

/**
 * Where and as whom the starter talks to Uploadcare: keys and base URLs. By default backed by
 * the {@code uploadcare.*} properties; define a bean of this type to supply them another way
 * (the emulator's test support does, so tests need no property juggling).
 * <p>
 * Only the public key is required: like Spring Boot's own connection details, the optional
 * parts have {@code default} methods (no secret key, Uploadcare's public endpoints, the
 * project's own CDN host), so an implementation overrides only what differs.
 * <p>
 * Implementations must not reveal the secret key in {@code toString()}.
 */
public interface UploadcareConnectionDetails extends ConnectionDetails {

	/** Returns the project's public key. */
	String getPublicKey();

	/** Returns the project's secret key, or {@code null} (the default) when none is configured. */
	default @Nullable String getSecretKey() {
		return null;
	}

	/** Returns the Upload API base URL, by default {@code https://upload.uploadcare.com}. */
	default URI getUploadUrl() {
		return UploadcareProperties.DEFAULT_UPLOAD_URL;
	}

	/** Returns the REST API base URL, by default {@code https://api.uploadcare.com}. */
	default URI getRestUrl() {
		return UploadcareProperties.DEFAULT_REST_URL;
	}

	/**
	 * Returns the CDN base URL of every file and group URL the starter hands out, e.g. the
	 * project's own {@code https://<prefix>.ucarecd.net} (the properties' default, see
	 * {@link io.github.ucgroups.cdn.CdnUrls#projectCdnBase(String)}), a custom CNAME or
	 * {@code https://ucarecdn.com}. By default the project's own host.
	 */
	default URI getCdnUrl() {
		return CdnUrls.projectCdnBase(getPublicKey());
	}

}
