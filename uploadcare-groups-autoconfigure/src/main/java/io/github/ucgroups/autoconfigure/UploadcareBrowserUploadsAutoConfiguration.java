package io.github.ucgroups.autoconfigure;

import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.Set;

import io.github.ucgroups.GroupAdminService;
import io.github.ucgroups.GroupService;
import io.github.ucgroups.browser.BrowserUploadCredentials;
import io.github.ucgroups.browser.BrowserUploadParser;
import io.github.ucgroups.browser.BrowserUploadWebMvcConfigurer;
import io.github.ucgroups.browser.CdnHostPolicy;
import io.github.ucgroups.browser.GroupVerifier;
import io.github.ucgroups.browser.UploadCredentialsRoutes;
import io.github.ucgroups.cdn.CdnUrls;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Auto-configuration of browser uploads with Uploadcare's File Uploader: the allowed CDN hosts,
 * binding of what {@code <uc-form-input>} posts, the {@link GroupVerifier}, the
 * {@link BrowserUploadCredentials} issuer (with a secret key) and, only when
 * {@code uploadcare.browser-uploads.credentials.enabled=true}, the upload-credentials endpoint.
 */
@AutoConfiguration(after = { UploadcareAutoConfiguration.class, UploadcareRestAutoConfiguration.class,
		UploadcareCdnAutoConfiguration.class })
@ConditionalOnBooleanProperty(name = "uploadcare.enabled", matchIfMissing = true)
@ConditionalOnBean({ UploadcareConnectionDetails.class, UploadcareProperties.class })
@EnableConfigurationProperties(BrowserUploadsProperties.class)
public final class UploadcareBrowserUploadsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	CdnHostPolicy uploadcareCdnHostPolicy(BrowserUploadsProperties properties,
			UploadcareConnectionDetails connectionDetails, ObjectProvider<CdnUrls> cdnUrls) {
		Set<URI> bases = new LinkedHashSet<>();
		bases.add(connectionDetails.getCdnUrl());
		CdnUrls urls = cdnUrls.getIfUnique();
		if (urls != null) {
			bases.add(urls.base());
		}
		return CdnHostPolicy.forProject(connectionDetails.getPublicKey(), bases, properties.getCdnHosts());
	}

	@Bean
	@ConditionalOnMissingBean
	BrowserUploadParser uploadcareBrowserUploadParser(CdnHostPolicy hosts) {
		return new BrowserUploadParser(hosts);
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean(GroupService.class)
	GroupVerifier uploadcareGroupVerifier(GroupService groups, ObjectProvider<GroupAdminService> admin) {
		return new GroupVerifier(groups, admin.getIfUnique());
	}

	@Bean
	@ConditionalOnMissingBean
	@Conditional(OnSecretKeyCondition.class)
	BrowserUploadCredentials uploadcareBrowserUploadCredentials(BrowserUploadsProperties properties,
			UploadcareConnectionDetails connectionDetails, ObjectProvider<Clock> clock) {
		String secretKey = connectionDetails.getSecretKey();
		if (secretKey == null) {
			throw new BrowserCredentialsWithoutSecretKeyException();
		}
		BrowserUploadsProperties.Credentials credentials = properties.getCredentials();
		Clock theClock = clock.getIfUnique(Clock::systemUTC);
		return switch (credentials.getScheme()) {
			case SIGNATURE -> BrowserUploadCredentials.signatures(secretKey, credentials.getLifetime(), theClock);
			case JWT -> BrowserUploadCredentials.jwt(secretKey, credentials.getLifetime(), theClock,
					credentials.getJwt().getScope(), credentials.getJwt().getOperationsLimit());
		};
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	@ConditionalOnClass(RouterFunction.class)
	@ConditionalOnBooleanProperty("uploadcare.browser-uploads.credentials.enabled")
	static class CredentialsEndpointConfiguration {

		@Bean
		RouterFunction<ServerResponse> uploadcareUploadCredentialsEndpoint(BrowserUploadsProperties properties,
				ObjectProvider<BrowserUploadCredentials> credentials) {
			BrowserUploadCredentials issuer = credentials.getIfUnique();
			if (issuer == null) {
				throw new BrowserCredentialsWithoutSecretKeyException();
			}
			return UploadCredentialsRoutes.of(properties.getCredentials().getPath(), issuer);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	@ConditionalOnClass(WebMvcConfigurer.class)
	static class WebMvcBindingConfiguration {

		@Bean
		@ConditionalOnMissingBean
		BrowserUploadWebMvcConfigurer uploadcareBrowserUploadWebMvcConfigurer(BrowserUploadParser parser) {
			return new BrowserUploadWebMvcConfigurer(parser);
		}

	}

}
