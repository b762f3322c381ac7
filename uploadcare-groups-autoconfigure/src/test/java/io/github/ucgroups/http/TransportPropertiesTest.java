package io.github.ucgroups.http;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import io.micrometer.observation.ObservationRegistry;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import io.github.ucgroups.UploadcareException;
import io.github.ucgroups.testsupport.TestTransports;

import org.springframework.http.HttpMethod;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

import static io.github.ucgroups.testsupport.RandomCases.check;
import static io.github.ucgroups.testsupport.RandomCases.integers;
import static io.github.ucgroups.testsupport.RandomCases.of;
import static io.github.ucgroups.testsupport.RandomCases.oneOf;
import static io.github.ucgroups.testsupport.RandomCases.strings;
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

	@BeforeAll
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

	@AfterAll
	static void stop() {
		server.close();
	}

	@Test
	void anyAnswerEndsInAResultOrAnUploadcareExceptionWithinABound() {
		Function<Random, Answer> answers = (random) -> new Answer(statuses().apply(random), retryAfters().apply(random),
				contentTypes().apply(random), bodies().apply(random));
		check(0x7A45L, 150, answers, TransportPropertiesTest::endsInAResultOrAnUploadcareExceptionWithinABound);
	}

	private static void endsInAResultOrAnUploadcareExceptionWithinABound(Answer answer) {
		MockResponse.Builder response = new MockResponse.Builder().code(answer.status()).body(answer.body());
		if (!answer.retryAfter().isEmpty()) {
			response.setHeader("Retry-After", answer.retryAfter());
		}
		if (!answer.contentType().isEmpty()) {
			response.setHeader("Content-Type", answer.contentType());
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

	/** One answer of the server; the body last, as it can be long. */
	record Answer(int status, String retryAfter, String contentType, String body) {
	}

	private static Function<Random, Integer> statuses() {
		return oneOf(of(200, 201, 204, 301, 304, 400, 401, 403, 404, 406, 413, 429, 500, 502, 503, 504),
				integers(200, 599));
	}

	private static Function<Random, String> retryAfters() {
		String httpDate = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC));
		String printableAscii = IntStream.range(0x20, 0x7f).mapToObj(Character::toString).collect(Collectors.joining());
		return oneOf(of("", "0", "1", "-1", "999999999999", "1.5", " 2 ", "soon", httpDate,
				"Wed, 21 Oct 2015 07:28:00 GMT", "Fri, 31 Dec 9999 23:59:59 GMT"), strings(printableAscii, 0, 20));
	}

	private static Function<Random, String> contentTypes() {
		return of("", "application/json", "text/plain", "text/html; charset=utf-8", "application/xml",
				"application/json; charset=ISO-8859-1", "garbage");
	}

	private static Function<Random, String> bodies() {
		return oneOf(of("", "{}", "[]", "null", "{\"error\":{\"status_code\":429,\"content\":\"Request was throttled.\","
				+ "\"error_code\":\"RequestThrottledError\"}}", "{\"error\":\"x\"}", "{\"error\":{\"status_code\":\"x\"}}",
				"{\"detail\":\"Not found.\"}", "<html>Bad gateway</html>", "{\"id\":",
				"{\"error\":{\"status_code\":99999999999,\"content\":null}}"), strings(200));
	}

}
