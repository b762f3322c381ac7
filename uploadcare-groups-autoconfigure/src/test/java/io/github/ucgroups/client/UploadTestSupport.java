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

/** Upload settings with fast polls, and test content (transports: {@link io.github.ucgroups.testsupport.TestTransports}). */
final class UploadTestSupport {

	static final int MIB = 1024 * 1024;

	private UploadTestSupport() {
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
