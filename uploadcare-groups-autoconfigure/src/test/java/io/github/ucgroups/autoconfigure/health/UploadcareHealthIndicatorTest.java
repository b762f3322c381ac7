package io.github.ucgroups.autoconfigure.health;

import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.github.ucgroups.autoconfigure.UploadcareAutoConfiguration;
import io.github.ucgroups.testsupport.MutableClock;
import io.github.ucgroups.testsupport.Wire;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static io.github.ucgroups.testsupport.TestKeys.PUBLIC_KEY;
import static io.github.ucgroups.testsupport.TestKeys.SECRET_KEY;
import static org.assertj.core.api.Assertions.assertThat;

class UploadcareHealthIndicatorTest {

	private MockWebServer server;

	private final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T10:00:00Z"));

	@BeforeEach
	void start() throws Exception {
		this.server = new MockWebServer();
		this.server.start();
	}

	@AfterEach
	void stop() {
		this.server.close();
	}

	private ApplicationContextRunner runner(String uploadUrl) {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(UploadcareAutoConfiguration.class,
					UploadcareHealthContributorAutoConfiguration.class))
			.withBean(Clock.class, () -> this.clock)
			.withPropertyValues("uploadcare.public-key=" + PUBLIC_KEY, "uploadcare.secret-key=" + SECRET_KEY,
					"uploadcare.upload-url=" + uploadUrl, "uploadcare.health.cache-ttl=30s",
					"uploadcare.health.timeout=2s");
	}

	private ApplicationContextRunner runner() {
		return runner(Wire.baseUrl(this.server));
	}

	private Health probe(MockResponse response) throws Exception {
		this.server.enqueue(response);
		Health[] health = new Health[1];
		runner().run((context) -> health[0] = context.getBean(UploadcareHealthIndicator.class).health());
		assertNoSecrets(health[0]);
		return health[0];
	}

	private static void assertNoSecrets(Health health) {
		assertThat(health.toString()).doesNotContain(SECRET_KEY);
		assertThat(health.getDetails()).doesNotContainKey("error");
		assertThat(health.getDetails().values()).allSatisfy((value) -> assertThat(String.valueOf(value))
			.doesNotContain(SECRET_KEY)
			.doesNotContain("\tat ")
			.doesNotContain("Exception:"));
	}

	@Test
	void notFoundMeansUpAndTheRequestIsTheCheapProbe() throws Exception {
		Health health = probe(Wire.text(404, "group_id is invalid."));
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsEntry("public-key", "accepted");
		RecordedRequest request = Wire.take(this.server);
		assertThat(request.getMethod()).isEqualTo("GET");
		assertThat(request.getUrl().encodedPath()).isEqualTo("/group/info/");
		assertThat(request.getUrl().queryParameter("jsonerrors")).isEqualTo("1");
		assertThat(request.getUrl().queryParameter("pub_key")).isEqualTo(PUBLIC_KEY);
		assertThat(request.getUrl().queryParameter("group_id")).matches("[0-9a-f-]{36}~1");
		assertThat(request.getTarget()).doesNotContain(SECRET_KEY);
	}

	@Test
	void jsonEnvelopesWithHttp200AreReadLikeRealStatuses() throws Exception {
		Health up = probe(Wire.json(200,
				"{\"error\":{\"status_code\":404,\"content\":\"group_id is invalid.\",\"error_code\":\"GroupNotFoundError\"}}"));
		assertThat(up.getStatus()).isEqualTo(Status.UP);
		Health down = probe(Wire.json(200,
				"{\"error\":{\"status_code\":403,\"content\":\"pub_key is invalid.\",\"error_code\":\"ProjectPublicKeyInvalidError\"}}"));
		assertThat(down.getStatus()).isEqualTo(Status.DOWN);
		assertThat(down.getDetails()).containsEntry("public-key", "rejected");
	}

	@Test
	void forbiddenMeansDownWithReason() throws Exception {
		Health health = probe(Wire.text(403, "pub_key is invalid."));
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsEntry("public-key", "rejected");
		assertThat(String.valueOf(health.getDetails().get("reason"))).contains("pub_key is invalid.");
	}

	@Test
	void throttledMeansUp() throws Exception {
		Health health = probe(new MockResponse.Builder().code(429).setHeader("Retry-After", "5")
			.body("Request was throttled.").build());
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsEntry("throttled", true);
		assertThat(this.server.getRequestCount()).isEqualTo(1);
	}

	@Test
	void serverErrorMeansDownWithoutRetries() throws Exception {
		this.server.enqueue(Wire.text(500, "Internal error."));
		Health health = probe(Wire.text(500, "Internal error."));
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsEntry("status", 500);
		assertThat(this.server.getRequestCount()).isEqualTo(1);
	}

	@Test
	void unreachableMeansDown() throws Exception {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		runner("http://127.0.0.1:" + port).run((context) -> {
			Health health = context.getBean(UploadcareHealthIndicator.class).health();
			assertThat(health.getStatus()).isEqualTo(Status.DOWN);
			assertThat(health.getDetails()).containsEntry("upload-api", "unreachable");
			assertThat(health.toString()).doesNotContain(SECRET_KEY);
		});
	}

	@Test
	void slowServerMeansDownWithinTheProbeTimeout() {
		this.server.enqueue(new MockResponse.Builder().headersDelay(5, TimeUnit.SECONDS).code(404).build());
		runner().withPropertyValues("uploadcare.health.timeout=300ms").run((context) -> {
			long start = System.nanoTime();
			Health health = context.getBean(UploadcareHealthIndicator.class).health();
			assertThat(health.getStatus()).isEqualTo(Status.DOWN);
			assertThat(health.getDetails()).containsEntry("upload-api", "timed out");
			assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(4_000);
		});
	}

	@Test
	void cachedWithinTtlAndProbedAgainAfter() {
		this.server.enqueue(Wire.text(404, "group_id is invalid."));
		this.server.enqueue(Wire.text(403, "pub_key is invalid."));
		runner().run((context) -> {
			UploadcareHealthIndicator indicator = context.getBean(UploadcareHealthIndicator.class);
			assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
			this.clock.advance(Duration.ofSeconds(29));
			assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
			assertThat(this.server.getRequestCount()).isEqualTo(1);
			this.clock.advance(Duration.ofSeconds(2));
			assertThat(indicator.health().getStatus()).isEqualTo(Status.DOWN);
			assertThat(this.server.getRequestCount()).isEqualTo(2);
		});
	}

}
