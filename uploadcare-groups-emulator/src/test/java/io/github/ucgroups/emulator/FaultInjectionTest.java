package io.github.ucgroups.emulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FaultInjectionTest {

	static UploadcareEmulator uc;

	@BeforeAll
	static void start() {
		uc = UploadcareEmulator.start();
	}

	@AfterAll
	static void stop() {
		uc.close();
	}

	@BeforeEach
	void reset() {
		uc.reset();
	}

	private static URI info() {
		return Http.uri(uc.uploadUrl(), "/group/info/?pub_key=demopublickey&group_id=d496a4df-0b36-4281-8156-268ae9524d4a~1");
	}

	@Test
	void throttlesTheNextNMatchingRequestsThenPasses() {
		uc.faults().throttle("/group/info/", 2, Duration.ofSeconds(7));
		assertThat(Http.get(Http.uri(uc.uploadUrl(), "/info/?pub_key=demopublickey&file_id=x")).statusCode())
			.as("other paths are not throttled")
			.isEqualTo(404);
		for (int i = 0; i < 2; i++) {
			HttpResponse<String> throttled = Http.get(info());
			assertThat(throttled.statusCode()).isEqualTo(429);
			assertThat(throttled.headers().firstValue("Retry-After")).hasValue("7");
			assertThat(throttled.body()).isEqualTo("Request was throttled.");
		}
		assertThat(Http.get(info()).statusCode()).isEqualTo(404);
		assertThat(uc.faults().hasPending()).isFalse();
	}

	@Test
	void throttledJsonErrorsCarryTheCodeAndRetryAfter() {
		uc.faults().throttle("/group/", 1);
		HttpResponse<String> response = Http.get(Http.uri(uc.uploadUrl(), "/group/info/?jsonerrors=1"));
		assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
		assertThat(Http.json(response).get("error").get("error_code").asString()).isEqualTo("RequestThrottledError");
		assertThat(Http.json(response).get("error").get("status_code").asInt()).isEqualTo(429);
	}

	@Test
	void throttlesRestRequestsWithADetail() throws Exception {
		uc.faults().throttle("/rest/", 1, Duration.ofSeconds(10));
		HttpResponse<String> response = RestApiContractTest.rest("GET", URI.create(uc.restUrl() + "/groups/"), "",
				ZonedDateTime.now(), "demosecretkey");
		assertThat(response.statusCode()).isEqualTo(429);
		assertThat(response.headers().firstValue("Retry-After")).hasValue("10");
		assertThat(Http.json(response).get("detail").asString())
			.isEqualTo("Request was throttled. Expected available in 10 seconds.");
	}

	@Test
	void failsTheNextNWithTheGivenServerError() {
		uc.faults().fail("/group/info/", 1, 503).fail("/group/info/", 1, 500);
		assertThat(Http.get(info()).statusCode()).isEqualTo(503);
		HttpResponse<String> second = Http.get(info());
		assertThat(second.statusCode()).isEqualTo(500);
		assertThat(second.body()).isEqualTo("Internal error.");
		assertThat(Http.get(info()).statusCode()).isEqualTo(404);
	}

	@Test
	void addsLatencyForTheNextNOrForAll() {
		uc.faults().delay("/group/info/", Duration.ofMillis(300), 1);
		long start = System.nanoTime();
		assertThat(Http.get(info()).statusCode()).isEqualTo(404);
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
		start = System.nanoTime();
		Http.get(info());
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(300));
		uc.faults().delay("/", Duration.ofMillis(200));
		for (int i = 0; i < 2; i++) {
			start = System.nanoTime();
			Http.get(info());
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
		}
		uc.faults().reset();
		start = System.nanoTime();
		Http.get(info());
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(200));
	}

	@Test
	void latencyTriggersClientTimeouts() {
		uc.faults().delay("/group/info/", Duration.ofMillis(1500), 1);
		assertThatThrownBy(() -> Http.CLIENT.send(HttpRequest.newBuilder(info()).timeout(Duration.ofMillis(200)).build(),
				HttpResponse.BodyHandlers.ofString()))
			.isInstanceOf(java.net.http.HttpTimeoutException.class);
	}

	@Test
	void dropsTheConnectionWithoutAResponse() {
		uc.faults().drop("/group/", 1);
		String file = uc.addFile(new byte[] { 1 }, "a.bin", "application/octet-stream");
		assertThatThrownBy(() -> Http.post(Http.uri(uc.uploadUrl(), "/group/"),
				new Http.Multipart().field("pub_key", "demopublickey").field("files[0]", file)))
			.isInstanceOf(UncheckedIOException.class)
			.hasCauseInstanceOf(IOException.class);
		assertThat(uc.groups()).as("a dropped request has no effect").isEmpty();
		assertThat(uc.journal().last("/group/").orElseThrow().status()).isZero();
		HttpResponse<String> retried = Http.post(Http.uri(uc.uploadUrl(), "/group/"),
				new Http.Multipart().field("pub_key", "demopublickey").field("files[0]", file));
		assertThat(retried.statusCode()).isEqualTo(200);
	}

	@Test
	void resetClearsEverything() {
		uc.faults().throttle("/", 5).delay("/", Duration.ofSeconds(5));
		uc.addFile(new byte[] { 1 }, "a.bin", "application/octet-stream");
		uc.reset();
		assertThat(uc.faults().hasPending()).isFalse();
		assertThat(uc.files()).isEmpty();
		assertThat(Http.get(info()).statusCode()).isEqualTo(404);
	}

	@Test
	void rulesAreValidated() {
		assertThatThrownBy(() -> uc.faults().fail("/", 1, 404)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> uc.faults().throttle("/", 0)).isInstanceOf(IllegalArgumentException.class);
	}

}
