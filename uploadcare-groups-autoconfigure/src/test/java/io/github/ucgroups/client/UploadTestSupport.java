package io.github.ucgroups.client;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;

import io.micrometer.observation.ObservationRegistry;
import mockwebserver3.MockWebServer;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import io.github.ucgroups.StoreMode;
import io.github.ucgroups.http.RetrySettings;
import io.github.ucgroups.http.UploadcareTransport;
import io.github.ucgroups.observation.RetryObserver;

import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/** Builds upload services against a local server, with fast retries and polls. */
final class UploadTestSupport {

	static final String PUBLIC_KEY = "demopublickey";

	static final String SECRET_KEY = "demosecretkey";

	static final int MIB = 1024 * 1024;

	private UploadTestSupport() {
	}

	static UploadcareTransport transport(MockWebServer server, int maxAttempts, ObservationRegistry registry) {
		HttpClient http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(2))
			.build();
		JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(http);
		factory.setReadTimeout(Duration.ofSeconds(20));
		String base = server.url("/").toString();
		RestClient client = RestClient.builder()
			.baseUrl(base.substring(0, base.length() - 1))
			.requestFactory(factory)
			.build();
		return new UploadcareTransport(client,
				new RetrySettings(maxAttempts, Duration.ofMillis(5), Duration.ofMillis(20), 2.0, Duration.ofSeconds(1)),
				registry, null, RetryObserver.NONE,
				JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build(),
				Clock.systemUTC());
	}

	static UploadSettings settings(int partConcurrency, int maxConcurrentFiles, Duration fromUrlTimeout) {
		return new UploadSettings(10L * MIB, 5L * MIB, partConcurrency, maxConcurrentFiles,
				StoreMode.AUTO, fromUrlTimeout, Duration.ofMillis(5), Duration.ofMillis(20));
	}

	/** Deterministic, non-repeating-looking content. */
	static byte[] content(int size, long seed) {
		byte[] bytes = new byte[size];
		java.util.Random random = new java.util.Random(seed);
		random.nextBytes(bytes);
		return bytes;
	}

}
