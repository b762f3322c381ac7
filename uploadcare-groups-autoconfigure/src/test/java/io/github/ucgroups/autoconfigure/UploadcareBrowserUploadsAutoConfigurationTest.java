package io.github.ucgroups.autoconfigure;

import java.net.URI;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.github.ucgroups.browser.BrowserUploadCredentials;
import io.github.ucgroups.browser.BrowserUploadParser;
import io.github.ucgroups.browser.BrowserUploadWebMvcConfigurer;
import io.github.ucgroups.browser.CdnHostPolicy;
import io.github.ucgroups.browser.GroupVerifier;
import io.github.ucgroups.cdn.CdnUrls;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.web.servlet.function.RouterFunction;

import static org.assertj.core.api.Assertions.assertThat;

/** Browser uploads: what is there by default, the opt-in endpoint, JWT, back-off, failures. */
class UploadcareBrowserUploadsAutoConfigurationTest {

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(UploadcareAutoConfiguration.class,
				UploadcareRestAutoConfiguration.class, UploadcareCdnAutoConfiguration.class,
				UploadcareBrowserUploadsAutoConfiguration.class))
		.withPropertyValues("uploadcare.public-key=demopublickey");

	@Test
	void bindingAndVerificationByDefaultButNoEndpoint() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(CdnHostPolicy.class)
				.hasSingleBean(BrowserUploadParser.class)
				.hasSingleBean(BrowserUploadWebMvcConfigurer.class)
				.hasSingleBean(GroupVerifier.class)
				.doesNotHaveBean(BrowserUploadCredentials.class)
				.doesNotHaveBean(RouterFunction.class);
			// The CDN base in use (the project's own host by default) and ucarecdn.com.
			assertThat(context.getBean(CdnHostPolicy.class).allowed()).contains("https://ucarecdn.com",
					"https://1s4oyld5dc.ucarecd.net");
		});
	}

	@Test
	void configuredCdnUrlAndCustomHostsAreAllowed() {
		this.runner
			.withPropertyValues("uploadcare.cdn-url=https://files.example.org",
					"uploadcare.browser-uploads.cdn-hosts=cdn.example.com,http://localhost:9000")
			.run((context) -> assertThat(context.getBean(CdnHostPolicy.class).allowed()).contains(
					"https://files.example.org", "https://cdn.example.com", "http://localhost:9000"));
	}

	@Test
	void withASecretKeyTheIssuerIsThereForOwnControllersButTheEndpointStaysOff() {
		this.runner.withPropertyValues("uploadcare.secret-key=demosecretkey").run((context) -> {
			assertThat(context).hasSingleBean(BrowserUploadCredentials.class).doesNotHaveBean(RouterFunction.class);
			assertThat(context.getBean(BrowserUploadCredentials.class).issue().secureSignature()).matches("[0-9a-f]{64}");
			assertThat(context.getBean(GroupVerifier.class).toString()).contains("store=available");
		});
	}

	@Test
	void endpointWhenEnabled() {
		this.runner
			.withPropertyValues("uploadcare.secret-key=demosecretkey", "uploadcare.browser-uploads.credentials.enabled=true",
					"uploadcare.browser-uploads.credentials.scheme=jwt",
					"uploadcare.browser-uploads.credentials.jwt.operations-limit=5")
			.run((context) -> {
				assertThat(context).hasSingleBean(RouterFunction.class);
				assertThat(context.getBean(BrowserUploadCredentials.class).issue().token()).isNotBlank();
			});
	}

	@Test
	void endpointWithoutSecretKeyFailsNamingTheProperties() {
		this.runner.withPropertyValues("uploadcare.browser-uploads.credentials.enabled=true").run((context) -> {
			assertThat(context).hasFailed();
			FailureAnalysis analysis = new UploadcareFailureAnalyzer().analyze(context.getStartupFailure());
			assertThat(analysis).isNotNull();
			assertThat(analysis.getDescription()).contains("uploadcare.browser-uploads.credentials.enabled=true");
			assertThat(analysis.getAction()).contains("uploadcare.secret-key");
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(BrowserCredentialsWithoutSecretKeyException.class);
		});
	}

	@Test
	void badJwtLimitFailsAtStartup() {
		this.runner
			.withPropertyValues("uploadcare.secret-key=demosecretkey", "uploadcare.browser-uploads.credentials.scheme=jwt",
					"uploadcare.browser-uploads.credentials.jwt.operations-limit=0")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("operations limit 0"));
	}

	@Test
	void backsOffForTheApplicationsOwnBeans() {
		CdnHostPolicy own = CdnHostPolicy.forProject("demopublickey", Set.of(URI.create("https://mine.example")),
				List.of());
		this.runner.withBean(CdnHostPolicy.class, () -> own)
			.run((context) -> assertThat(context.getBean(BrowserUploadParser.class).hosts()).isSameAs(own));
	}

	@Test
	void switchedOffWithTheStarter() {
		this.runner.withPropertyValues("uploadcare.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(CdnHostPolicy.class)
				.doesNotHaveBean(GroupVerifier.class)
				.doesNotHaveBean(CdnUrls.class));
	}

}
