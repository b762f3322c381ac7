package io.github.ucgroups.autoconfigure;

import org.springframework.web.client.RestClient;

/**
 * Adjusts the {@link RestClient.Builder} behind the starter's Uploadcare clients (for example to
 * add an interceptor or a proxy-aware request factory). Applied after the starter's own
 * settings, to every Uploadcare client.
 */
@FunctionalInterface
public interface UploadcareRestClientCustomizer {

	/**
	 * Customizes the builder.
	 * @param builder a builder used only for Uploadcare
	 */
	void customize(RestClient.Builder builder);

}
