package io.github.ucgroups.http;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

import io.github.ucgroups.FileRef;
import io.github.ucgroups.Group;
import io.github.ucgroups.GroupService;
import io.github.ucgroups.UploadcareNetworkException;
import io.github.ucgroups.UploadcareServerException;
import io.github.ucgroups.UploadcareThrottledException;
import io.github.ucgroups.signing.SignatureUploadSigner;
import io.github.ucgroups.testsupport.Wire;
import io.github.ucgroups.testsupport.TestKeys;

import static io.github.ucgroups.testsupport.Wire.FILE_1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Retries of throttled, failing and timed-out requests, with faults injected by the server. */
class RetryTest {

	@StartStop
	private final MockWebServer server = new MockWebServer();

	private static MockResponse throttled(String retryAfter) {
		return new MockResponse.Builder().code(429)
			.setHeader("Content-Type", "text/plain")
			.setHeader("Retry-After", retryAfter)
			.body("Request was throttled.")
			.build();
	}

	@Test
	void throttledThenSuccessHonoursRetryAfter() {
		this.server.enqueue(throttled("1"));
		this.server.enqueue(Wire.json(200, Wire.fixture("group-create-response.json")));
		Wire.runner(this.server).run((context) -> {
			long start = System.nanoTime();
			Group group = context.getBean(GroupService.class).createGroup(FileRef.parseAll(List.of(FILE_1)));
			long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
			assertThat(group.filesCount()).isEqualTo(1);
			assertThat(this.server.getRequestCount()).isEqualTo(2);
			assertThat(elapsedMillis).isGreaterThanOrEqualTo(950);
		});
	}

	@Test
	void retryIsSignedAndCarriesTheSameFiles() {
		this.server.enqueue(throttled("0"));
		this.server.enqueue(Wire.json(200, Wire.fixture("group-create-response.json")));
		Wire.runner(this.server).withPropertyValues("uploadcare.secret-key=" + TestKeys.SECRET_KEY).run((context) -> {
			context.getBean(GroupService.class).createGroup(FileRef.parseAll(List.of(FILE_1)));
			for (int i = 0; i < 2; i++) {
				var fields = Wire.multipartFields(Wire.take(this.server));
				assertThat(fields).containsEntry("files[0]", FILE_1);
				assertThat(fields.get("signature"))
					.isEqualTo(SignatureUploadSigner.sign(TestKeys.SECRET_KEY, Long.parseLong(fields.get("expire"))));
			}
		});
	}

	@Test
	void retryAfterBeyondTheCapFailsAtOnce() {
		this.server.enqueue(throttled("120"));
		this.server.enqueue(Wire.json(200, Wire.fixture("group-create-response.json")));
		Wire.runner(this.server).withPropertyValues("uploadcare.retry.max-retry-after=2s").run((context) -> {
			GroupService groups = context.getBean(GroupService.class);
			long start = System.nanoTime();
			assertThatExceptionOfType(UploadcareThrottledException.class)
				.isThrownBy(() -> groups.createGroup(FileRef.parseAll(List.of(FILE_1))))
				.satisfies((ex) -> {
					assertThat(ex.getStatus()).isEqualTo(429);
					assertThat(ex.getRetryAfter()).contains(Duration.ofSeconds(120));
					assertThat(ex.getOperation()).isEqualTo("group.create");
				});
			// generous bound: it must not have waited the 120 s
			assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start)).isLessThan(60);
			assertThat(this.server.getRequestCount()).isEqualTo(1);
		});
	}

	@Test
	void throttledUntilAttemptsRunOut() {
		for (int i = 0; i < 3; i++) {
			this.server.enqueue(throttled("0"));
		}
		Wire.runner(this.server).run((context) -> {
			assertThatExceptionOfType(UploadcareThrottledException.class)
				.isThrownBy(() -> context.getBean(GroupService.class).createGroup(FileRef.parseAll(List.of(FILE_1))));
			assertThat(this.server.getRequestCount()).isEqualTo(3);
		});
	}

	@Test
	void serverErrorStormGivesUpAfterMaxAttempts() {
		for (int i = 0; i < 6; i++) {
			this.server.enqueue(Wire.text(503, "Internal error."));
		}
		Wire.runner(this.server).withPropertyValues("uploadcare.retry.max-attempts=4").run((context) -> {
			assertThatExceptionOfType(UploadcareServerException.class)
				.isThrownBy(() -> context.getBean(GroupService.class).createGroup(FileRef.parseAll(List.of(FILE_1))))
				.satisfies((ex) -> assertThat(ex.getStatus()).isEqualTo(503));
			assertThat(this.server.getRequestCount()).isEqualTo(4);
		});
	}

	@Test
	void clientErrorsAreNotRetried() {
		this.server.enqueue(Wire.text(400, "Some files not found."));
		this.server.enqueue(Wire.json(200, Wire.fixture("group-create-response.json")));
		Wire.runner(this.server).run((context) -> {
			assertThatExceptionOfType(io.github.ucgroups.UploadcareInvalidRequestException.class)
				.isThrownBy(() -> context.getBean(GroupService.class).createGroup(FileRef.parseAll(List.of(FILE_1))));
			assertThat(this.server.getRequestCount()).isEqualTo(1);
		});
	}

	@Test
	void theLastFailureIsTheOneThrown() {
		this.server.enqueue(Wire.text(503, "Internal error."));
		this.server.enqueue(Wire.text(400, "Some files not found."));
		Wire.runner(this.server).run((context) -> {
			assertThatExceptionOfType(io.github.ucgroups.UploadcareInvalidRequestException.class)
				.isThrownBy(() -> context.getBean(GroupService.class).createGroup(FileRef.parseAll(List.of(FILE_1))))
				.satisfies((ex) -> assertThat(ex.getDetail()).isEqualTo("Some files not found."));
			assertThat(this.server.getRequestCount()).isEqualTo(2);
		});
	}

	@Test
	void readTimeoutIsDetectedWithTheJdkClientWithoutBootHttpClientSupport() {
		this.server.enqueue(new MockResponse.Builder().headersDelay(3, TimeUnit.SECONDS)
			.setHeader("Content-Type", "application/json")
			.body(Wire.fixture("group-create-response.json"))
			.build());
		new org.springframework.boot.test.context.runner.ApplicationContextRunner()
			.withConfiguration(org.springframework.boot.autoconfigure.AutoConfigurations
				.of(io.github.ucgroups.autoconfigure.UploadcareAutoConfiguration.class))
			.withClassLoader(new org.springframework.boot.test.context.FilteredClassLoader(
					"org.springframework.boot.http.client"))
			.withPropertyValues("uploadcare.public-key=" + TestKeys.PUBLIC_KEY,
					"uploadcare.upload-url=" + Wire.baseUrl(this.server), "uploadcare.read-timeout=300ms",
					"uploadcare.retry.max-attempts=1")
			.run((context) -> {
				long start = System.nanoTime();
				assertThatExceptionOfType(UploadcareNetworkException.class)
					.isThrownBy(() -> context.getBean(GroupService.class).createGroup(FileRef.parseAll(List.of(FILE_1))))
					.satisfies((ex) -> assertThat(ex.isTimeout()).isTrue());
				assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(2_500);
			});
	}

	@Test
	void serverErrorThenSuccessRecovers() {
		this.server.enqueue(Wire.text(500, "Internal error."));
		this.server.enqueue(Wire.json(200, Wire.fixture("group-info-deleted-files-response.json")));
		Wire.runner(this.server).run((context) -> {
			Group group = context.getBean(GroupService.class).getGroup("8b1362ed-b477-4a15-819a-2c6bb497d8bd~3");
			assertThat(group.files()).hasSize(3);
			assertThat(this.server.getRequestCount()).isEqualTo(2);
		});
	}

	@Test
	void readTimeoutIsANetworkTimeout() {
		for (int i = 0; i < 2; i++) {
			this.server.enqueue(new MockResponse.Builder().headersDelay(3, TimeUnit.SECONDS)
				.setHeader("Content-Type", "application/json")
				.body(Wire.fixture("group-create-response.json"))
				.build());
		}
		Wire.runner(this.server)
			.withPropertyValues("uploadcare.read-timeout=300ms", "uploadcare.retry.max-attempts=2")
			.run((context) -> {
				long start = System.nanoTime();
				assertThatExceptionOfType(UploadcareNetworkException.class)
					.isThrownBy(() -> context.getBean(GroupService.class).createGroup(FileRef.parseAll(List.of(FILE_1))))
					.satisfies((ex) -> {
						assertThat(ex.isTimeout()).isTrue();
						assertThat(ex.getStatus()).isZero();
						assertThat(ex.getOperation()).isEqualTo("group.create");
					});
				// generous "does not hang" bound: two 300 ms attempts, far below the 3 s delays each
				assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(5_000);
			});
	}

	@Test
	void connectionRefusedIsANetworkErrorButNoTimeout() throws Exception {
		int port;
		try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		Wire.runner(this.server)
			.withPropertyValues("uploadcare.upload-url=http://127.0.0.1:" + port, "uploadcare.retry.max-attempts=2")
			.run((context) -> assertThatExceptionOfType(UploadcareNetworkException.class)
				.isThrownBy(() -> context.getBean(GroupService.class).createGroup(FileRef.parseAll(List.of(FILE_1))))
				.satisfies((ex) -> assertThat(ex.isTimeout()).isFalse()));
	}

	@Test
	void retriesAreCountedWhenAMeterRegistryIsPresent() {
		this.server.enqueue(throttled("0"));
		this.server.enqueue(Wire.text(502, "Bad gateway"));
		this.server.enqueue(Wire.json(200, Wire.fixture("group-create-response.json")));
		Wire.runner(this.server)
			.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
			.run((context) -> {
				context.getBean(GroupService.class).createGroup(FileRef.parseAll(List.of(FILE_1)));
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				assertThat(registry.get("uploadcare.retries").tag("operation", "group.create").tag("reason", "throttled")
					.counter().count()).isEqualTo(1.0);
				assertThat(registry.get("uploadcare.retries").tag("operation", "group.create")
					.tag("reason", "server_error").counter().count()).isEqualTo(1.0);
				assertThat(this.server.getRequestCount()).isEqualTo(3);
			});
	}

}
