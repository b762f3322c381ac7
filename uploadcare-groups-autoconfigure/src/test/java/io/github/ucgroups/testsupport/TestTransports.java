package io.github.ucgroups.testsupport;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;

import io.micrometer.observation.ObservationRegistry;
import mockwebserver3.MockWebServer;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import io.github.ucgroups.http.RetrySettings;
import io.github.ucgroups.http.UploadcareTransport;

import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * The one place tests build an {@link UploadcareTransport} without the auto-configuration: the
 * JSON mapper the auto-configuration uses (unknown fields ignored), no custom convention, no
 * retry observer.
 */
public final class TestTransports {

	/** The JSON mapper of the auto-configured transports. */
	public static final JsonMapper JSON = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	private TestTransports() {
	}

	/**
	 * A transport over the given client, unobserved, on the system clock.
	 * @param client the client, with its base URL
	 * @param retries the retry settings
	 * @return the transport
	 */
	public static UploadcareTransport over(RestClient client, RetrySettings retries) {
		return over(client, retries, ObservationRegistry.NOOP, Clock.systemUTC());
	}

	/**
	 * A transport over the given client.
	 * @param client the client, with its base URL
	 * @param retries the retry settings
	 * @param registry where observations go
	 * @param clock the clock that reads HTTP-date Retry-After values
	 * @return the transport
	 */
	public static UploadcareTransport over(RestClient client, RetrySettings retries, ObservationRegistry registry,
			Clock clock) {
		return UploadcareTransport.builder(client)
			.retrySettings(retries)
			.observationRegistry(registry)
			.jsonMapper(JSON)
			.clock(clock)
			.build();
	}

	/**
	 * A transport to a local server over HTTP/1.1, with fast retries (5 to 20 ms, Retry-After
	 * waited for up to a second).
	 * @param server the server
	 * @param maxAttempts the attempts per call
	 * @param registry where observations go
	 * @return the transport
	 */
	public static UploadcareTransport to(MockWebServer server, int maxAttempts, ObservationRegistry registry) {
		HttpClient http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(2))
			.build();
		JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(http);
		factory.setReadTimeout(Duration.ofSeconds(20));
		RestClient client = RestClient.builder().baseUrl(Wire.baseUrl(server)).requestFactory(factory).build();
		return over(client,
				new RetrySettings(maxAttempts, Duration.ofMillis(5), Duration.ofMillis(20), 2.0, Duration.ofSeconds(1)),
				registry, Clock.systemUTC());
	}

}
