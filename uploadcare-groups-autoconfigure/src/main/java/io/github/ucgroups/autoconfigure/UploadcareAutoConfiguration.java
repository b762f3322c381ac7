package io.github.ucgroups.autoconfigure;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import io.github.ucgroups.GroupService;
import io.github.ucgroups.UploadService;
import io.github.ucgroups.cdn.CdnUrls;
import io.github.ucgroups.client.DefaultGroupService;
import io.github.ucgroups.client.DefaultUploadService;
import io.github.ucgroups.client.GroupUploads;
import io.github.ucgroups.client.OrphanFileRemover;
import io.github.ucgroups.client.UploadSettings;
import io.github.ucgroups.client.UploadThreads;
import io.github.ucgroups.http.RetrySettings;
import io.github.ucgroups.http.UploadcareTransport;
import io.github.ucgroups.observation.MeterRegistryRetryObserver;
import io.github.ucgroups.observation.RetryObserver;
import io.github.ucgroups.observation.UploadcareObservationConvention;
import io.github.ucgroups.signing.JwtUploadSigner;
import io.github.ucgroups.signing.SignatureUploadSigner;
import io.github.ucgroups.signing.UploadSigner;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.JdkClientHttpRequestFactoryBuilder;
import org.springframework.boot.thread.Threading;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.web.client.RestClient;

/**
 * Auto-configuration of the Uploadcare groups starter: connection details from
 * {@code uploadcare.*}, the upload signer, the Upload API transport, {@link UploadService} and
 * {@link GroupService}.
 * Every bean backs off when the application defines its own.
 */
@AutoConfiguration(afterName = {
		"org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration",
		"org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration",
		"org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration",
		"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration" })
@ConditionalOnClass(RestClient.class)
@ConditionalOnBooleanProperty(name = "uploadcare.enabled", matchIfMissing = true)
@EnableConfigurationProperties(UploadcareProperties.class)
public final class UploadcareAutoConfiguration {

	/** Name of the Upload API transport bean. */
	public static final String UPLOAD_TRANSPORT_BEAN_NAME = "uploadcareUploadTransport";

	@Bean
	@ConditionalOnMissingBean(UploadcareConnectionDetails.class)
	PropertiesUploadcareConnectionDetails uploadcareConnectionDetails(UploadcareProperties properties) {
		return new PropertiesUploadcareConnectionDetails(properties);
	}

	@Bean
	@ConditionalOnMissingBean
	UploadSigner uploadcareUploadSigner(UploadcareProperties properties, UploadcareConnectionDetails connectionDetails,
			ObjectProvider<Clock> clock) {
		String secretKey = connectionDetails.getSecretKey();
		Boolean enabled = properties.getSignedUploads().getEnabled();
		if (Boolean.TRUE.equals(enabled) && secretKey == null) {
			throw new SigningWithoutSecretKeyException();
		}
		if (Boolean.FALSE.equals(enabled) || secretKey == null) {
			return UploadSigner.NONE;
		}
		UploadcareProperties.SignedUploads signing = properties.getSignedUploads();
		Clock theClock = clock.getIfUnique(Clock::systemUTC);
		return switch (signing.getScheme()) {
			case SIGNATURE -> new SignatureUploadSigner(secretKey, signing.getLifetime(), theClock);
			case JWT -> new JwtUploadSigner(secretKey, signing.getLifetime(), theClock);
		};
	}

	@Bean
	@ConditionalOnMissingBean
	UploadcareRestClients uploadcareRestClients(ObjectProvider<RestClient.Builder> builders,
			UploadcareRestClients.RequestFactories requestFactories,
			ObjectProvider<UploadcareRestClientCustomizer> customizers,
			ObjectProvider<ObservationRegistry> observationRegistry,
			ObjectProvider<UploadcareObservationConvention> convention, ObjectProvider<RetryObserver> retryObserver,
			ObjectProvider<Clock> clock) {
		JsonMapper jsonMapper = JsonMapper.builder()
			.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			.build();
		return new UploadcareRestClients(builders, requestFactories, customizers.orderedStream().toList(),
				observationRegistry.getIfUnique(() -> ObservationRegistry.NOOP), convention.getIfUnique(),
				retryObserver.getIfUnique(() -> RetryObserver.NONE), jsonMapper, clock.getIfUnique(Clock::systemUTC));
	}

	@Bean(name = UPLOAD_TRANSPORT_BEAN_NAME)
	@ConditionalOnMissingBean(name = UPLOAD_TRANSPORT_BEAN_NAME)
	UploadcareTransport uploadcareUploadTransport(UploadcareRestClients clients, UploadcareProperties properties,
			UploadcareConnectionDetails connectionDetails) {
		return clients.transportBuilder(connectionDetails.getUploadUrl(), connectionDetails.getPublicKey())
			.timeouts(properties.getConnectTimeout(), properties.getReadTimeout())
			.retry(retrySettings(properties))
			.build();
	}

	/**
	 * The threads of the upload pools: virtual threads when the application runs on Java 21+ with
	 * {@code spring.threads.virtual.enabled=true} (Boot's own switch), else platform threads.
	 * @param environment the environment
	 * @return the upload threads
	 */
	@Bean
	@ConditionalOnMissingBean
	UploadThreads uploadcareUploadThreads(Environment environment) {
		return Threading.VIRTUAL.isActive(environment) ? UploadThreads.virtual() : UploadThreads.platform();
	}

	@Bean
	@ConditionalOnMissingBean(UploadService.class)
	DefaultUploadService uploadcareUploadService(@Qualifier(UPLOAD_TRANSPORT_BEAN_NAME) UploadcareTransport transport,
			UploadSigner signer, UploadcareConnectionDetails connectionDetails, UploadcareProperties properties,
			ObjectProvider<ObservationRegistry> observationRegistry, UploadThreads uploadThreads) {
		return new DefaultUploadService(transport, signer, connectionDetails.getPublicKey(),
				uploadSettings(properties), observationRegistry.getIfUnique(() -> ObservationRegistry.NOOP),
				properties.getUpload().getShutdownTimeout(), uploadThreads);
	}

	@Bean
	@ConditionalOnMissingBean(GroupService.class)
	DefaultGroupService uploadcareGroupService(@Qualifier(UPLOAD_TRANSPORT_BEAN_NAME) UploadcareTransport transport,
			UploadSigner signer, UploadcareConnectionDetails connectionDetails, UploadService uploadService,
			UploadcareProperties properties, ObjectProvider<OrphanFileRemover> orphanRemover,
			ObjectProvider<ObservationRegistry> observationRegistry,
			ObjectProvider<UploadcareObservationConvention> convention, ObjectProvider<CdnUrls> cdnUrls) {
		GroupUploads uploads = new GroupUploads(uploadService, properties.getUpload().getOrphans(),
				orphanRemover.getIfUnique(), observationRegistry.getIfUnique(() -> ObservationRegistry.NOOP),
				convention.getIfUnique());
		return new DefaultGroupService(transport, signer, connectionDetails.getPublicKey(),
				cdnUrls(cdnUrls, connectionDetails), uploads);
	}

	/**
	 * Returns the application's {@link CdnUrls} (the auto-configured one on
	 * {@link UploadcareConnectionDetails#getCdnUrl()} by default), so that a group's CDN URL and
	 * every other CDN URL share one base.
	 * @param cdnUrls the bean, if any
	 * @param connectionDetails the fallback's source
	 * @return the CDN URL builder
	 */
	static CdnUrls cdnUrls(ObjectProvider<CdnUrls> cdnUrls, UploadcareConnectionDetails connectionDetails) {
		return cdnUrls.getIfUnique(() -> new CdnUrls(connectionDetails.getCdnUrl()));
	}

	/**
	 * Reads the upload settings from the properties.
	 * @param properties the properties
	 * @return the settings
	 */
	static UploadSettings uploadSettings(UploadcareProperties properties) {
		UploadcareProperties.Upload upload = properties.getUpload();
		UploadSettings defaults = UploadSettings.defaults();
		return new UploadSettings(upload.getMultipartThreshold().toBytes(),
				upload.getPartSize().toBytes(), upload.getPartConcurrency(), upload.getMaxConcurrentFiles(),
				upload.getStore(), upload.getFromUrlTimeout(), defaults.pollInitialDelay(), defaults.pollMaxDelay());
	}

	/**
	 * Reads the retry settings from the properties.
	 * @param properties the properties
	 * @return the settings
	 */
	static RetrySettings retrySettings(UploadcareProperties properties) {
		UploadcareProperties.Retry retry = properties.getRetry();
		return new RetrySettings(retry.getMaxAttempts(), retry.getInitialDelay(), retry.getMaxDelay(), 2.0,
				retry.getMaxRetryAfter());
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(ClientHttpRequestFactoryBuilder.class)
	static class BootHttpClientConfiguration {

		@Bean
		@ConditionalOnMissingBean
		UploadcareRestClients.RequestFactories uploadcareRequestFactories(UploadcareProperties properties,
				ObjectProvider<ClientHttpRequestFactoryBuilder<?>> builder, ObjectProvider<HttpClientSettings> settings,
				ResourceLoader resourceLoader) {
			ClientHttpRequestFactoryBuilder<?> factoryBuilder = UploadcareHttpEngines.builder(
					properties.getHttp().getClientFactory(),
					() -> builder.getIfAvailable(ClientHttpRequestFactoryBuilder::detect),
					resourceLoader.getClassLoader(), properties.getHttp().getMaxConnectionsPerHost());
			HttpClientSettings base = settings.getIfAvailable(HttpClientSettings::defaults);
			return (connectTimeout, readTimeout, executor) -> {
				ClientHttpRequestFactoryBuilder<?> withExecutor = factoryBuilder;
				if (factoryBuilder instanceof JdkClientHttpRequestFactoryBuilder jdk) {
					// Boot's JDK client has no executor: Spring would start a thread per request.
					withExecutor = jdk.withHttpClientCustomizer((httpClient) -> httpClient.executor(executor));
				}
				return withExecutor.build(base.withTimeouts(connectTimeout, readTimeout));
			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingClass("org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder")
	static class JdkHttpClientConfiguration {

		@Bean
		@ConditionalOnMissingBean
		UploadcareRestClients.RequestFactories uploadcareRequestFactories() {
			return UploadcareRestClients.RequestFactories.jdk();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(MeterRegistry.class)
	@ConditionalOnBean(MeterRegistry.class)
	static class RetryMetricsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		RetryObserver uploadcareRetryObserver(MeterRegistry meterRegistry) {
			return new MeterRegistryRetryObserver(meterRegistry);
		}

	}

}
