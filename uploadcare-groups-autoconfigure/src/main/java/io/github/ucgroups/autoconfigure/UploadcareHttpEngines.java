package io.github.ucgroups.autoconfigure;

import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import io.github.ucgroups.autoconfigure.UploadcareProperties.HttpClientFactory;

import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;

import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpComponentsClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.JettyClientHttpRequestFactoryBuilder;
import org.springframework.util.ClassUtils;

/**
 * Turns {@code uploadcare.http.client-factory} into the {@link ClientHttpRequestFactoryBuilder}
 * of the starter's own clients. The builder is used for Uploadcare's requests only; the
 * application's {@code ClientHttpRequestFactoryBuilder} bean (Boot's choice for its other
 * {@code RestClient}s) is read, never replaced.
 */
final class UploadcareHttpEngines {

	static final String HTTP_COMPONENTS_CLASS = "org.apache.hc.client5.http.impl.classic.HttpClients";

	static final String JETTY_CLASS = "org.eclipse.jetty.client.HttpClient";

	static final String REACTOR_CLASS = "reactor.netty.http.client.HttpClient";

	/**
	 * Hosts one client talks to: the API's host and, for uploads, the storage host of the
	 * presigned part URLs.
	 */
	private static final int POOL_HOSTS = 2;

	private UploadcareHttpEngines() {
	}

	/**
	 * Returns the builder for the chosen engine.
	 * @param choice the configured engine
	 * @param bootChoice the application's builder (Boot's choice), asked only for {@code BOOT}
	 * @param classLoader where to look for the engines' libraries
	 * @param maxConnectionsPerHost the pool size per host, for engines with a pool (at least 1,
	 * checked when the property is bound)
	 * @return the builder
	 * @throws IllegalStateException if the chosen engine's library is not on the class path
	 */
	static ClientHttpRequestFactoryBuilder<?> builder(HttpClientFactory choice,
			Supplier<ClientHttpRequestFactoryBuilder<?>> bootChoice, @Nullable ClassLoader classLoader,
			int maxConnectionsPerHost) {
		ClientHttpRequestFactoryBuilder<?> builder = chosen(choice, bootChoice, classLoader);
		if (ClassUtils.isPresent(HTTP_COMPONENTS_CLASS, classLoader)) {
			builder = HttpComponents.tuned(builder, maxConnectionsPerHost);
		}
		if (ClassUtils.isPresent(JETTY_CLASS, classLoader)) {
			builder = Jetty.tuned(builder, maxConnectionsPerHost);
		}
		return builder;
	}

	private static ClientHttpRequestFactoryBuilder<?> chosen(HttpClientFactory choice,
			Supplier<ClientHttpRequestFactoryBuilder<?>> bootChoice, @Nullable ClassLoader classLoader) {
		return switch (choice) {
			// The order of the measurements (BENCHMARKS.md): Apache fastest, the JDK client last.
			case AUTO -> ClassUtils.isPresent(HTTP_COMPONENTS_CLASS, classLoader)
					? ClientHttpRequestFactoryBuilder.httpComponents()
					: ClassUtils.isPresent(JETTY_CLASS, classLoader) ? ClientHttpRequestFactoryBuilder.jetty()
							: ClassUtils.isPresent(REACTOR_CLASS, classLoader) ? ClientHttpRequestFactoryBuilder.reactor()
									: ClientHttpRequestFactoryBuilder.jdk();
			case BOOT -> bootChoice.get();
			case JDK -> ClientHttpRequestFactoryBuilder.jdk();
			case SIMPLE -> ClientHttpRequestFactoryBuilder.simple();
			case HTTP_COMPONENTS -> required(choice, HTTP_COMPONENTS_CLASS,
					"org.apache.httpcomponents.client5:httpclient5", classLoader,
					ClientHttpRequestFactoryBuilder::httpComponents);
			case JETTY -> required(choice, JETTY_CLASS, "org.eclipse.jetty:jetty-client", classLoader,
					ClientHttpRequestFactoryBuilder::jetty);
			case REACTOR -> required(choice, REACTOR_CLASS, "io.projectreactor.netty:reactor-netty-http",
					classLoader, ClientHttpRequestFactoryBuilder::reactor);
		};
	}

	/** Apache HttpClient 5 specifics, loaded only where the library is present. */
	private static final class HttpComponents {

		/**
		 * Apache HttpClient 5 retries 429 and 503 answers and some I/O errors by itself; our
		 * transport retries already (with Retry-After, bounded attempts, observed): one layer only.
		 * Its default pool (5 connections per host) would queue concurrent uploads and calls.
		 */
		static ClientHttpRequestFactoryBuilder<?> tuned(ClientHttpRequestFactoryBuilder<?> builder,
				int maxConnectionsPerHost) {
			if (builder instanceof HttpComponentsClientHttpRequestFactoryBuilder httpComponents) {
				return httpComponents.withHttpClientCustomizer(HttpClientBuilder::disableAutomaticRetries)
					.withConnectionManagerCustomizer((pool) -> pool.setMaxConnPerRoute(maxConnectionsPerHost)
						.setMaxConnTotal(maxConnectionsPerHost * POOL_HOSTS));
			}
			return builder;
		}

	}

	/** Jetty specifics, loaded only where the library is present. */
	private static final class Jetty {

		static ClientHttpRequestFactoryBuilder<?> tuned(ClientHttpRequestFactoryBuilder<?> builder,
				int maxConnectionsPerHost) {
			if (builder instanceof JettyClientHttpRequestFactoryBuilder jetty) {
				return jetty.withHttpClientCustomizer(
						(httpClient) -> httpClient.setMaxConnectionsPerDestination(maxConnectionsPerHost));
			}
			return builder;
		}

	}

	private static ClientHttpRequestFactoryBuilder<?> required(HttpClientFactory choice, String className,
			String artifact, @Nullable ClassLoader classLoader, Supplier<ClientHttpRequestFactoryBuilder<?>> builder) {
		if (!ClassUtils.isPresent(className, classLoader)) {
			throw new IllegalStateException("uploadcare.http.client-factory=" + choice.name().toLowerCase().replace('_', '-')
					+ " needs " + artifact + " on the class path (" + className + " was not found); add the dependency"
					+ " or choose another engine (auto, boot, jdk, simple, http-components, jetty, reactor)");
		}
		return builder.get();
	}

}
