package io.github.ucgroups.autoconfigure;

import java.net.URI;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;

/**
 * Where and as whom the starter talks to Uploadcare: keys and base URLs. By default backed by
 * the {@code uploadcare.*} properties; define a bean of this type to supply them another way
 * (the emulator's test support does, so tests need no property juggling).
 * <p>
 * Implementations must not reveal the secret key in {@code toString()}.
 */
public interface UploadcareConnectionDetails extends ConnectionDetails {

	/** Returns the project's public key. */
	String getPublicKey();

	/** Returns the project's secret key, or {@code null} when none is configured. */
	@Nullable String getSecretKey();

	/** Returns the Upload API base URL, e.g. {@code https://upload.uploadcare.com}. */
	URI getUploadUrl();

	/** Returns the REST API base URL, e.g. {@code https://api.uploadcare.com}. */
	URI getRestUrl();

	/**
	 * Returns the CDN base URL of every file and group URL the starter hands out, e.g. the
	 * project's own {@code https://<prefix>.ucarecd.net} (the properties' default, see
	 * {@link io.github.ucgroups.cdn.CdnUrls#projectCdnBase(String)}), a custom CNAME or
	 * {@code https://ucarecdn.com}.
	 */
	URI getCdnUrl();

}
