package io.github.ucgroups.autoconfigure;

import io.github.ucgroups.cdn.CdnUrls;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of {@link CdnUrls} on {@link UploadcareConnectionDetails#getCdnUrl()}:
 * {@code uploadcare.cdn-url} when set, else the project's own CDN host
 * ({@code https://<prefix>.ucarecd.net}). The group services build {@code Group.cdnUrl()} with
 * the same bean, so one base applies to every CDN URL.
 */
@AutoConfiguration(after = UploadcareAutoConfiguration.class)
@ConditionalOnBean(UploadcareConnectionDetails.class)
public final class UploadcareCdnAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	CdnUrls uploadcareCdnUrls(UploadcareConnectionDetails connectionDetails) {
		return new CdnUrls(connectionDetails.getCdnUrl());
	}

}
