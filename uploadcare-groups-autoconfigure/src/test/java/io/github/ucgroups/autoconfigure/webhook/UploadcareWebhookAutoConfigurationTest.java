package io.github.ucgroups.autoconfigure.webhook;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.github.ucgroups.webhook.DeliveryDeduplicator;
import io.github.ucgroups.webhook.WebhookReceiver;
import io.github.ucgroups.webhook.WebhookSignatureVerifier;
import io.github.ucgroups.webhook.WebhookTestData;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.cache.CacheManager;
import org.springframework.cache.concurrent.ConcurrentMapCacheManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.function.RouterFunction;

import static org.assertj.core.api.Assertions.assertThat;

class UploadcareWebhookAutoConfigurationTest {

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(UploadcareWebhookAutoConfiguration.class));

	private final WebApplicationContextRunner enabled = this.runner.withPropertyValues(
			"uploadcare.webhooks.enabled=true", "uploadcare.webhooks.signing-secrets=" + WebhookTestData.RUBY_VECTOR_SECRET);

	@Test
	void isOffByDefault() {
		this.runner.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(WebhookReceiver.class);
			assertThat(context).doesNotHaveBean(UploadcareWebhookAutoConfiguration.ROUTE_BEAN_NAME);
		});
	}

	@Test
	void receivesWhenEnabled() {
		this.enabled.run((context) -> {
			assertThat(context).hasSingleBean(WebhookReceiver.class);
			assertThat(context).hasSingleBean(WebhookSignatureVerifier.class);
			assertThat(context).hasSingleBean(DeliveryDeduplicator.class);
			assertThat(context.getBean(UploadcareWebhookAutoConfiguration.ROUTE_BEAN_NAME)).isInstanceOf(RouterFunction.class);
			assertThat(context.getBean(DeliveryDeduplicator.class).toString())
				.contains(UploadcareWebhookAutoConfiguration.DEFAULT_CACHE_NAME);
			assertThat(context.getBean(WebhookReceiver.class).receive(WebhookTestData.rubyVectorBody(),
					WebhookTestData.RUBY_VECTOR_SIGNATURE)).isEqualTo(WebhookReceiver.Outcome.PUBLISHED);
		});
	}

	@Test
	void respectsTheStartersSwitch() {
		this.enabled.withPropertyValues("uploadcare.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(WebhookReceiver.class));
	}

	@Test
	void needsAServletWebApplication() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(UploadcareWebhookAutoConfiguration.class))
			.withPropertyValues("uploadcare.webhooks.enabled=true", "uploadcare.webhooks.signing-secrets=s")
			.run((context) -> assertThat(context).doesNotHaveBean(WebhookReceiver.class));
		this.enabled.withClassLoader(new FilteredClassLoader(RouterFunction.class))
			.run((context) -> assertThat(context).doesNotHaveBean(WebhookReceiver.class));
	}

	@Test
	void refusesToStartWithoutSigningSecrets() {
		this.runner.withPropertyValues("uploadcare.webhooks.enabled=true").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(InvalidWebhookConfigurationException.class)
				.hasMessageContaining("uploadcare.webhooks.signing-secrets");
		});
	}

	@Test
	void refusesToStartWithAnOverlongSecretWithoutShowingIt() {
		String overlong = "very-long-signing-secret-0123456789";
		this.runner.withPropertyValues("uploadcare.webhooks.enabled=true",
				"uploadcare.webhooks.signing-secrets=fine," + overlong)
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.isInstanceOf(InvalidWebhookConfigurationException.class)
					.hasMessageContaining("uploadcare.webhooks.signing-secrets")
					.hasMessageContaining("[1]")
					.hasMessageContaining(overlong.length() + " characters")
					.hasMessageContaining("at most 32");
				assertThat(context.getStartupFailure()).hasStackTraceContaining("at most 32");
				assertThat(stackTrace(context.getStartupFailure())).doesNotContain(overlong);
			});
	}

	@Test
	void refusesAPathWithoutLeadingSlash() {
		this.enabled.withPropertyValues("uploadcare.webhooks.path=hooks").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("uploadcare.webhooks.path");
		});
	}

	@Test
	void deduplicatesInTheApplicationsCacheWhenNamed() {
		this.enabled.withPropertyValues("uploadcare.webhooks.deduplication.cache-name=webhooks")
			.withUserConfiguration(AppCache.class)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				WebhookReceiver receiver = context.getBean(WebhookReceiver.class);
				assertThat(receiver.receive(WebhookTestData.rubyVectorBody(), WebhookTestData.RUBY_VECTOR_SIGNATURE))
					.isEqualTo(WebhookReceiver.Outcome.PUBLISHED);
				assertThat(context.getBean(CacheManager.class)
					.getCache("webhooks")
					.get(DeliveryDeduplicator.key(WebhookTestData.rubyVectorBody()))).isNotNull();
				assertThat(receiver.receive(WebhookTestData.rubyVectorBody(), WebhookTestData.RUBY_VECTOR_SIGNATURE))
					.isEqualTo(WebhookReceiver.Outcome.DUPLICATE);
			});
	}

	@Test
	void refusesANamedCacheThatCannotBeFound() {
		this.enabled.withPropertyValues("uploadcare.webhooks.deduplication.cache-name=webhooks").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("no single CacheManager");
		});
		this.enabled.withPropertyValues("uploadcare.webhooks.deduplication.cache-name=other")
			.withUserConfiguration(AppCache.class)
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("has no such cache");
			});
	}

	@Test
	void backsOffForApplicationBeans() {
		this.enabled.withUserConfiguration(OwnVerifier.class)
			.run((context) -> assertThat(context.getBean(WebhookSignatureVerifier.class))
				.isSameAs(context.getBean("ownVerifier")));
	}

	@Test
	void isRegistered() {
		assertThat(ImportCandidates.load(org.springframework.boot.autoconfigure.AutoConfiguration.class,
				getClass().getClassLoader()).getCandidates())
			.contains(UploadcareWebhookAutoConfiguration.class.getName(),
					UploadcareWebhookRegistrationAutoConfiguration.class.getName());
	}

	private static String stackTrace(Throwable failure) {
		java.io.StringWriter out = new java.io.StringWriter();
		failure.printStackTrace(new java.io.PrintWriter(out));
		return out.toString();
	}

	@Configuration(proxyBeanMethods = false)
	static class AppCache {

		@Bean
		CacheManager cacheManager() {
			ConcurrentMapCacheManager manager = new ConcurrentMapCacheManager("webhooks");
			return manager;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OwnVerifier {

		@Bean
		WebhookSignatureVerifier ownVerifier() {
			return new WebhookSignatureVerifier(List.of("own"));
		}

	}

}
