package io.github.ucgroups.http;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.atomic.AtomicReference;

import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import io.micrometer.observation.ObservationRegistry;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import io.github.ucgroups.UploadcareException;
import io.github.ucgroups.testsupport.TestTransports;

import org.springframework.http.HttpMethod;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random statuses, {@code Retry-After} headers, content types and bodies through the real
 * transport (JDK HttpClient, retries on) against a local server: the call either returns or
 * throws an {@link UploadcareException}, never anything else, and always ends within a bound.
 */
class TransportPropertiesTest {

	private static final AtomicReference<MockResponse> next = new AtomicReference<>();

	private static MockWebServer server;

	private static UploadcareTransport transport;

	@BeforeContainer
	static void start() throws Exception {
		server = new MockWebServer();
		server.setDispatcher(new Dispatcher() {
			@Override
			public MockResponse dispatch(RecordedRequest request) {
				return next.get();
			}
		});
		server.start();
		JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(
				HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build());
		factory.setReadTimeout(Duration.ofSeconds(2));
		RestClient client = RestClient.builder()
			.baseUrl(server.url("/").toString())
			.requestFactory(factory)
			.build();
		// Retry-After of at most 50 ms is waited for: longer ones (any whole second) fail at once.
		RetrySettings retries = new RetrySettings(3, Duration.ofMillis(1), Duration.ofMillis(5), 2.0,
				Duration.ofMillis(50));
		transport = TestTransports.over(client, retries);
	}

	@AfterContainer
	static void stop() {
		server.close();
	}

	@Property(tries = 150)
	void anyAnswerEndsInAResultOrAnUploadcareExceptionWithinABound(@ForAll("statuses") int status,
			@ForAll("retryAfters") String retryAfter, @ForAll("contentTypes") String contentType,
			@ForAll("bodies") String body) {
		MockResponse.Builder response = new MockResponse.Builder().code(status).body(body);
		if (!retryAfter.isEmpty()) {
			response.setHeader("Retry-After", retryAfter);
		}
		if (!contentType.isEmpty()) {
			response.setHeader("Content-Type", contentType);
		}
		next.set(response.build());
		UploadcareRequest request = UploadcareRequest
			.to("group.info", UploadcareApi.UPLOAD, HttpMethod.GET, "/group/info/")
			.query("group_id", "d496a4df-0b36-4281-8156-268ae9524d4a~1")
			.build();
		long start = System.nanoTime();
		try {
			transport.exchangeForJson(request);
		}
		catch (UploadcareException ex) {
			assertThat(ex.getMessage()).isNotBlank();
		}
		assertThat(Duration.ofNanos(System.nanoTime() - start)).as("does not hang").isLessThan(Duration.ofSeconds(10));
	}

	@Provide
	Arbitrary<Integer> statuses() {
		return Arbitraries.oneOf(Arbitraries.of(200, 201, 204, 301, 304, 400, 401, 403, 404, 406, 413, 429, 500, 502,
				503, 504), Arbitraries.integers().between(200, 599));
	}

	@Provide
	Arbitrary<String> retryAfters() {
		String httpDate = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC));
		return Arbitraries.oneOf(Arbitraries.of("", "0", "1", "-1", "999999999999", "1.5", " 2 ", "soon", httpDate,
				"Wed, 21 Oct 2015 07:28:00 GMT", "Fri, 31 Dec 9999 23:59:59 GMT"), Arbitraries.strings().ofMaxLength(20)
					.filter((value) -> value.chars().allMatch((c) -> c >= 0x20 && c < 0x7f)));
	}

	@Provide
	Arbitrary<String> contentTypes() {
		return Arbitraries.of("", "application/json", "text/plain", "text/html; charset=utf-8", "application/xml",
				"application/json; charset=ISO-8859-1", "garbage");
	}

	@Provide
	Arbitrary<String> bodies() {
		return Arbitraries.oneOf(
				Arbitraries.of("", "{}", "[]", "null", "{\"error\":{\"status_code\":429,\"content\":\"Request was throttled.\","
						+ "\"error_code\":\"RequestThrottledError\"}}", "{\"error\":\"x\"}", "{\"error\":{\"status_code\":\"x\"}}",
						"{\"detail\":\"Not found.\"}", "<html>Bad gateway</html>", "{\"id\":",
						"{\"error\":{\"status_code\":99999999999,\"content\":null}}"),
				Arbitraries.strings().ofMaxLength(200));
	}

}
