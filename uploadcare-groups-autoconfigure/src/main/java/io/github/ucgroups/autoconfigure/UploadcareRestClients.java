package io.github.ucgroups.autoconfigure;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import io.github.ucgroups.http.RetrySettings;
import io.github.ucgroups.http.UploadcareTransport;
import io.github.ucgroups.observation.RetryObserver;
import io.github.ucgroups.observation.UploadcareObservationConvention;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.SpringVersion;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.web.client.RestClient;

/**
 * Builds the RestClients and transports behind the Uploadcare services: from Boot's
 * {@link RestClient.Builder} when there is one (cloned, so observation, SSL bundles and HTTP
 * client settings apply), with Uploadcare's own timeouts and user agent, then the
 * {@link UploadcareRestClientCustomizer}s.
 */
public final class UploadcareRestClients {

	private final ObjectProvider<RestClient.Builder> builders;

	private final RequestFactories requestFactories;

	private final List<UploadcareRestClientCustomizer> customizers;

	private final ObservationRegistry observationRegistry;

	private final @Nullable UploadcareObservationConvention convention;

	private final RetryObserver retryObserver;

	private final JsonMapper jsonMapper;

	private final Clock clock;

	/**
	 * Runs the JDK HttpClient's asynchronous work and Spring's body writing. Without it both
	 * fall back to executors that start a new thread for every request. It is never shut down:
	 * its daemon threads end after a few idle seconds, so that calls still in flight while the
	 * context closes (a group creation once its uploads finished) can complete.
	 */
	private final ExecutorService httpExecutor = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 5, TimeUnit.SECONDS,
			new SynchronousQueue<>(), daemonThreads("uploadcare-http-"));

	UploadcareRestClients(ObjectProvider<RestClient.Builder> builders, RequestFactories requestFactories, List<UploadcareRestClientCustomizer> customizers,
			ObservationRegistry observationRegistry, @Nullable UploadcareObservationConvention convention,
			RetryObserver retryObserver, JsonMapper jsonMapper, Clock clock) {
		this.builders = builders;
		this.requestFactories = requestFactories;
		this.customizers = customizers;
		this.observationRegistry = observationRegistry;
		this.convention = convention;
		this.retryObserver = retryObserver;
		this.jsonMapper = jsonMapper;
		this.clock = clock;
	}

	/**
	 * Starts building a transport to one API: its RestClient comes from Boot's builder (cloned),
	 * with the API's base URL, Uploadcare's user agent and the customizers; the transport is
	 * observed and retried as configured unless the spec says otherwise.
	 * @param baseUrl the API's base URL
	 * @param publicKey the public key, for the user agent
	 * @return the spec, to be completed with {@link TransportSpec#timeouts} and built
	 */
	public TransportSpec transportBuilder(URI baseUrl, String publicKey) {
		return new TransportSpec(baseUrl, publicKey);
	}

	private UploadcareTransport build(TransportSpec spec) {
		Duration connectTimeout = spec.connectTimeout;
		Duration readTimeout = spec.readTimeout;
		if (connectTimeout == null || readTimeout == null) {
			throw new IllegalStateException("The transport to " + spec.baseUrl + " needs its timeouts");
		}
		RestClient.Builder builder = this.builders.getIfAvailable(RestClient::builder).clone();
		builder.baseUrl(spec.baseUrl.toString())
			.requestFactory(this.requestFactories.create(connectTimeout, readTimeout, this.httpExecutor))
			.defaultHeader("User-Agent", userAgent(spec.publicKey));
		this.customizers.forEach((customizer) -> customizer.customize(builder));
		UploadcareRestClientCustomizer last = spec.lastCustomizer;
		if (last != null) {
			last.customize(builder);
		}
		return UploadcareTransport.builder(builder.build())
			.retrySettings(spec.retrySettings)
			.observationRegistry(spec.observed ? this.observationRegistry : ObservationRegistry.NOOP)
			.observationConvention(this.convention)
			.retryObserver(spec.observed ? this.retryObserver : RetryObserver.NONE)
			.jsonMapper(this.jsonMapper)
			.clock(this.clock)
			.build();
	}

	/** What one transport needs beyond the shared parts: timeouts, retries, observation, a last customizer. */
	public final class TransportSpec {

		private final URI baseUrl;

		private final String publicKey;

		private @Nullable Duration connectTimeout;

		private @Nullable Duration readTimeout;

		private RetrySettings retrySettings = RetrySettings.NONE;

		private boolean observed = true;

		private @Nullable UploadcareRestClientCustomizer lastCustomizer;

		private TransportSpec(URI baseUrl, String publicKey) {
			this.baseUrl = baseUrl;
			this.publicKey = publicKey;
		}

		/**
		 * Sets the timeouts (required).
		 * @param connectTimeout the connect timeout
		 * @param readTimeout the read timeout
		 * @return this spec
		 */
		public TransportSpec timeouts(Duration connectTimeout, Duration readTimeout) {
			this.connectTimeout = connectTimeout;
			this.readTimeout = readTimeout;
			return this;
		}

		/**
		 * Sets how to retry (no retries by default).
		 * @param retrySettings the retry settings
		 * @return this spec
		 */
		public TransportSpec retry(RetrySettings retrySettings) {
			this.retrySettings = retrySettings;
			return this;
		}

		/**
		 * Records neither observations nor retry metrics (the health probe is not an operation
		 * of the application).
		 * @return this spec
		 */
		public TransportSpec unobserved() {
			this.observed = false;
			return this;
		}

		/**
		 * Adds a last adjustment of the RestClient builder, after the application's customizers
		 * (e.g. REST request signing, so that it signs what is finally sent).
		 * @param customizer the adjustment
		 * @return this spec
		 */
		public TransportSpec lastly(UploadcareRestClientCustomizer customizer) {
			this.lastCustomizer = customizer;
			return this;
		}

		/**
		 * Builds the transport.
		 * @return the transport
		 * @throws IllegalStateException if the timeouts were not set
		 */
		public UploadcareTransport build() {
			return UploadcareRestClients.this.build(this);
		}

	}

	static String userAgent(String publicKey) {
		String version = UploadcareRestClients.class.getPackage().getImplementationVersion();
		return "UploadcareGroupsSpringBoot/" + ((version != null) ? version : "dev") + "/" + publicKey + " (Java/"
				+ Runtime.version().feature() + "; Spring/" + SpringVersion.getVersion() + ")";
	}

	private static CustomizableThreadFactory daemonThreads(String prefix) {
		CustomizableThreadFactory factory = new CustomizableThreadFactory(prefix);
		factory.setDaemon(true);
		return factory;
	}

	/** Creates the request factory of a client with the given timeouts. */
	@FunctionalInterface
	interface RequestFactories {

		/**
		 * Creates a request factory.
		 * @param connectTimeout the connect timeout
		 * @param readTimeout the read timeout
		 * @param executor for the HTTP client's asynchronous work (reused threads)
		 * @return the request factory
		 */
		ClientHttpRequestFactory create(Duration connectTimeout, Duration readTimeout, Executor executor);

		/** The JDK's HttpClient, for applications without Boot's HTTP client support. */
		static RequestFactories jdk() {
			return (connectTimeout, readTimeout, executor) -> {
				HttpClient httpClient = HttpClient.newBuilder()
					.executor(executor)
					.connectTimeout(connectTimeout)
					.followRedirects(HttpClient.Redirect.NORMAL)
					.build();
				JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(httpClient);
				factory.setReadTimeout(readTimeout);
				return factory;
			};
		}

	}

}
