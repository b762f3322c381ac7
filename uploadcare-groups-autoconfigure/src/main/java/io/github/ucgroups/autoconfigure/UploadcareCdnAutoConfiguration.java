package io.github.ucgroups.autoconfigure;

import java.net.URI;

import io.github.ucgroups.cdn.CdnUrls;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of {@link CdnUrls}: the CDN base URL from
 * {@link UploadcareConnectionDetails#getCdnUrl()}, or the project's own CDN host
 * ({@code https://<prefix>.ucarecd.net}) when {@code uploadcare.cdn.project-subdomain} is
 * {@code true} and the CDN base URL is the default one.
 */
@AutoConfiguration(after = UploadcareAutoConfiguration.class)
@ConditionalOnBean({ UploadcareConnectionDetails.class, UploadcareProperties.class })
public final class UploadcareCdnAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	CdnUrls uploadcareCdnUrls(UploadcareProperties properties, UploadcareConnectionDetails connectionDetails) {
		return new CdnUrls(cdnBase(properties, connectionDetails));
	}

	static URI cdnBase(UploadcareProperties properties, UploadcareConnectionDetails connectionDetails) {
		URI configured = connectionDetails.getCdnUrl();
		if (properties.getCdn().isProjectSubdomain() && isDefault(configured)) {
			return CdnUrls.projectCdnBase(connectionDetails.getPublicKey());
		}
		return configured;
	}

	private static boolean isDefault(URI cdnUrl) {
		String text = cdnUrl.toString();
		while (text.endsWith("/")) {
			text = text.substring(0, text.length() - 1);
		}
		return text.equalsIgnoreCase(UploadcareProperties.DEFAULT_CDN_URL.toString());
	}

}
