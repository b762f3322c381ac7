package io.github.ucgroups.emulator.resilience;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;

import io.github.ucgroups.autoconfigure.health.UploadcareHealthIndicator;
import io.github.ucgroups.emulator.UploadcareEmulator;
import io.github.ucgroups.emulator.testsupport.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code uploadcare} health indicator against a faulty Uploadcare: the cache expires as
 * configured, a slow Uploadcare never blocks a probe beyond {@code uploadcare.health.timeout},
 * and a refused key is DOWN with a reason, never an exception trace.
 */
@Timeout(60)
class HealthUnderFaultsTest {

	private UploadcareEmulator uc;

	@BeforeEach
	void start() {
		this.uc = UploadcareEmulator.start();
	}

	@AfterEach
	void stop() {
		this.uc.close();
	}

	@Test
	void theCachedResultIsReusedUntilTheTtlEndsAndThenProbedAgain() {
		MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
		Resilience.runner(this.uc, "uploadcare.health.cache-ttl=10s")
			.withBean(Clock.class, () -> clock)
			.run((context) -> {
				UploadcareHealthIndicator health = context.getBean(UploadcareHealthIndicator.class);
				assertThat(health.health().getStatus()).isEqualTo(Status.UP);
				assertThat(this.uc.journal().count("/group/info/")).isOne();
				this.uc.faults().fail("/group/info/", 1000, 503);
				clock.advance(Duration.ofSeconds(9));
				assertThat(health.health().getStatus()).as("still cached").isEqualTo(Status.UP);
				assertThat(this.uc.journal().count("/group/info/")).isOne();
				clock.advance(Duration.ofMillis(1001));
				Health down = health.health();
				assertThat(down.getStatus()).as("expired, probed again").isEqualTo(Status.DOWN);
				assertThat(down.getDetails()).containsEntry("status", 503).containsEntry("upload-api", "failing");
				assertThat(this.uc.journal().count("/group/info/")).as("one probe, no retries").isEqualTo(2);
				assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
				assertThat(this.uc.journal().count("/group/info/")).as("the DOWN result is cached too").isEqualTo(2);
				this.uc.faults().reset();
				clock.advance(Duration.ofSeconds(11));
				assertThat(health.health().getStatus()).as("recovers after the TTL").isEqualTo(Status.UP);
			});
	}

	@Test
	void aSlowUploadcareNeverBlocksAProbeBeyondTheHealthTimeout() {
		this.uc.faults().delay("/group/info/", Duration.ofSeconds(5));
		// The regular read timeout (30 s) and retries must not apply to the probe.
		Resilience.runner(this.uc, "uploadcare.health.timeout=300ms", "uploadcare.read-timeout=30s",
				"uploadcare.retry.max-attempts=5")
			.run((context) -> {
				UploadcareHealthIndicator health = context.getBean(UploadcareHealthIndicator.class);
				for (int i = 0; i < 2; i++) {
					long start = System.nanoTime();
					Health result = health.health();
					assertThat(Duration.ofNanos(System.nanoTime() - start)).as("bounded by the health timeout")
						.isLessThan(Duration.ofMillis(2500));
					assertThat(result.getStatus()).isEqualTo(Status.DOWN);
					assertThat(result.getDetails()).containsEntry("upload-api", "timed out");
					assertNoTrace(result);
				}
			});
		assertThat(this.uc.journal().count("/group/info/")).as("cached: one probe for two calls").isLessThanOrEqualTo(1);
	}

	@Test
	void aRefusedPublicKeyIsDownWithAReasonAndNoTrace() {
		Resilience.runner(this.uc, "uploadcare.public-key=notthedemokey").run((context) -> {
			Health result = context.getBean(UploadcareHealthIndicator.class).health();
			assertThat(result.getStatus()).isEqualTo(Status.DOWN);
			assertThat(result.getDetails()).containsEntry("public-key", "rejected");
			assertThat((String) result.getDetails().get("reason")).startsWith("Uploadcare refused the public key: ")
				.contains("pub_key is invalid.");
			assertNoTrace(result);
		});
	}

	@Test
	void aDroppedConnectionIsDownWithAReason() {
		// The JDK HttpClient itself resends an idempotent GET once when the connection closes
		// before any answer, so a single drop would go unnoticed: drop them all.
		this.uc.faults().drop("/group/info/", 1000);
		Resilience.runner(this.uc).run((context) -> {
			Health result = context.getBean(UploadcareHealthIndicator.class).health();
			assertThat(result.getStatus()).isEqualTo(Status.DOWN);
			assertThat(result.getDetails()).containsEntry("upload-api", "unreachable").containsKey("reason");
			assertNoTrace(result);
		});
		assertThat(this.uc.journal().count("/group/info/")).as("no retries of our own").isBetween(1, 2);
	}

	private static void assertNoTrace(Health health) {
		assertThat(health.getDetails()).doesNotContainKey("error");
		for (Map.Entry<String, Object> detail : health.getDetails().entrySet()) {
			assertThat(detail.getValue()).isNotInstanceOf(Throwable.class);
			assertThat(String.valueOf(detail.getValue())).doesNotContain("\tat ").doesNotContain("Exception:");
		}
	}

}
