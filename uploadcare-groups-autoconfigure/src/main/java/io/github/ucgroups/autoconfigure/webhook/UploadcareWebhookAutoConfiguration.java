package io.github.ucgroups.autoconfigure.webhook;

import java.time.Clock;
import java.util.List;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import io.github.ucgroups.WebhookSubscriptionRequest;
import io.github.ucgroups.webhook.BoundedDeliveryCache;
import io.github.ucgroups.webhook.DeliveryDeduplicator;
import io.github.ucgroups.webhook.WebhookReceiver;
import io.github.ucgroups.webhook.WebhookSignatureVerifier;
import io.github.ucgroups.webhook.web.WebhookEndpoint;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Receives Uploadcare webhooks in servlet web applications when
 * {@code uploadcare.webhooks.enabled=true}: {@code POST uploadcare.webhooks.path} verifies each
 * delivery against {@code uploadcare.webhooks.signing-secrets} and publishes it as an
 * {@code UploadcareWebhookEvent}. Deliveries are de-duplicated in the cache named by
 * {@code uploadcare.webhooks.deduplication.cache-name} of the application's {@link CacheManager},
 * or in a bounded in-memory cache. Independent of the Uploadcare keys: a receiver needs only the
 * signing secrets.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(RouterFunction.class)
@ConditionalOnBooleanProperty(name = "uploadcare.enabled", matchIfMissing = true)
@ConditionalOnBooleanProperty(name = "uploadcare.webhooks.enabled")
@EnableConfigurationProperties(UploadcareWebhookProperties.class)
public final class UploadcareWebhookAutoConfiguration {

	/** Name of the in-memory de-duplication cache, when the application names none. */
	public static final String DEFAULT_CACHE_NAME = "uploadcare-webhook-deliveries";

	/** Name of the router function bean that maps the endpoint. */
	public static final String ROUTE_BEAN_NAME = "uploadcareWebhookRoute";

	@Bean
	@ConditionalOnMissingBean
	WebhookSignatureVerifier uploadcareWebhookSignatureVerifier(UploadcareWebhookProperties properties) {
		return verifier(properties.getSigningSecrets());
	}

	@Bean
	@ConditionalOnMissingBean
	DeliveryDeduplicator uploadcareWebhookDeduplicator(UploadcareWebhookProperties properties,
			ObjectProvider<CacheManager> cacheManagers, ObjectProvider<Clock> clock) {
		UploadcareWebhookProperties.Deduplication settings = properties.getDeduplication();
		Clock theClock = clock.getIfUnique(Clock::systemUTC);
		return new DeliveryDeduplicator(cache(settings, cacheManagers, theClock), settings.getWindow(), theClock);
	}

	@Bean
	@ConditionalOnMissingBean
	WebhookReceiver uploadcareWebhookReceiver(WebhookSignatureVerifier verifier, DeliveryDeduplicator deduplicator,
			ApplicationEventPublisher publisher) {
		JsonMapper jsonMapper = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
		return new WebhookReceiver(verifier, deduplicator, publisher, jsonMapper);
	}

	@Bean(name = ROUTE_BEAN_NAME)
	@ConditionalOnMissingBean(name = ROUTE_BEAN_NAME)
	RouterFunction<ServerResponse> uploadcareWebhookRoute(WebhookReceiver receiver,
			UploadcareWebhookProperties properties) {
		String path = properties.getPath();
		if (path == null || !path.startsWith("/")) {
			throw new InvalidWebhookConfigurationException("uploadcare.webhooks.path must start with '/', was '"
					+ path + "'");
		}
		return new WebhookEndpoint(receiver, properties.getMaxBodySize().toBytes()).route(path);
	}

	/**
	 * Creates the verifier, naming the property of a bad secret and its position (never its value).
	 * @param secrets the configured secrets
	 * @return the verifier
	 * @throws InvalidWebhookConfigurationException if there are none, or one is blank or too long
	 */
	static WebhookSignatureVerifier verifier(List<String> secrets) {
		try {
			return new WebhookSignatureVerifier(secrets);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidWebhookConfigurationException("Invalid uploadcare.webhooks.signing-secrets: "
					+ ex.getMessage() + ". Set the secret(s) of the webhook subscription, at most "
					+ WebhookSubscriptionRequest.MAX_SIGNING_SECRET_LENGTH + " characters each, the current one first");
		}
	}

	private static Cache cache(UploadcareWebhookProperties.Deduplication settings,
			ObjectProvider<CacheManager> cacheManagers, Clock clock) {
		String name = settings.getCacheName();
		if (name == null || name.isBlank()) {
			return new BoundedDeliveryCache(DEFAULT_CACHE_NAME, settings.getMaxEntries(), settings.getWindow(), clock);
		}
		CacheManager cacheManager = cacheManagers.getIfUnique();
		if (cacheManager == null) {
			throw new InvalidWebhookConfigurationException("uploadcare.webhooks.deduplication.cache-name is '" + name
					+ "', but the application has no single CacheManager bean to take it from (add one, e.g. with "
					+ "@EnableCaching and spring-boot-starter-data-redis, or remove the property)");
		}
		Cache cache = cacheManager.getCache(name);
		if (cache == null) {
			throw new InvalidWebhookConfigurationException("uploadcare.webhooks.deduplication.cache-name is '" + name
					+ "', but the CacheManager has no such cache (configure it, e.g. spring.cache.cache-names)");
		}
		return cache;
	}

}
