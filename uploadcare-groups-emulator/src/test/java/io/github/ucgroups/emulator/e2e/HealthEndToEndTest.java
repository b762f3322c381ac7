package io.github.ucgroups.emulator.e2e;

import java.time.Duration;

import io.github.ucgroups.autoconfigure.health.UploadcareHealthIndicator;
import io.github.ucgroups.emulator.UploadcareEmulator;
import io.github.ucgroups.emulator.junit.UploadcareEmulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The auto-configured {@code uploadcare} health indicator probing the emulator.
 */
class HealthEndToEndTest {

	@RegisterExtension
	static final UploadcareEmulatorExtension uc = new UploadcareEmulatorExtension(
			(builder) -> builder.secretKey("health-e2e-secret-value"));

	@Test
	void upWhenTheEmulatorAcceptsThePublicKey(UploadcareEmulator emulator) {
		E2e.runner(emulator, "uploadcare.secret-key=" + emulator.secretKey()).run((context) -> {
			assertThat(context).hasSingleBean(UploadcareHealthIndicator.class);
			Health health = context.getBean(UploadcareHealthIndicator.class).health();
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getDetails()).containsEntry("upload-api", "reachable")
				.containsEntry("public-key", "accepted");
			assertNoSecret(health, emulator);
		});
		assertThat(uc.journal().entries("/group/info/")).singleElement()
			.satisfies((entry) -> assertThat(entry.query()).contains("pub_key=" + emulator.publicKey()));
	}

	@Test
	void downWithAReasonWhenThePublicKeyIsRefused(UploadcareEmulator emulator) {
		E2e.runner(emulator, "uploadcare.public-key=someoneElsesKey", "uploadcare.secret-key=" + emulator.secretKey())
			.run((context) -> {
				Health health = context.getBean(UploadcareHealthIndicator.class).health();
				assertThat(health.getStatus()).isEqualTo(Status.DOWN);
				assertThat(health.getDetails()).containsEntry("public-key", "rejected");
				assertThat(String.valueOf(health.getDetails().get("reason"))).contains("pub_key is invalid.");
				assertNoSecret(health, emulator);
			});
	}

	@Test
	void upButThrottledWhenTheProbeIsThrottled(UploadcareEmulator emulator) {
		emulator.faults().throttle("/group/info/", 1);
		E2e.runner(emulator).run((context) -> {
			Health health = context.getBean(UploadcareHealthIndicator.class).health();
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getDetails()).containsEntry("throttled", true);
			assertThat(String.valueOf(health.getDetails().get("reason"))).contains("Request was throttled.");
		});
		assertThat(uc.journal().count("/group/info/")).as("the probe is not retried").isOne();
	}

	@Test
	void downWhenUploadcareIsUnreachable(UploadcareEmulator emulator) {
		E2e.runner(emulator, "uploadcare.upload-url=http://127.0.0.1:1", "uploadcare.health.timeout=2s")
			.run((context) -> {
				Health health = context.getBean(UploadcareHealthIndicator.class).health();
				assertThat(health.getStatus()).isEqualTo(Status.DOWN);
				assertThat(health.getDetails()).containsKey("reason");
			});
	}

	@Test
	void downWhenTheProbeTimesOut(UploadcareEmulator emulator) {
		emulator.faults().delay("/group/info/", Duration.ofSeconds(2), 1);
		E2e.runner(emulator, "uploadcare.health.timeout=300ms").run((context) -> {
			long start = System.nanoTime();
			Health health = context.getBean(UploadcareHealthIndicator.class).health();
			assertThat(Duration.ofNanos(System.nanoTime() - start)).as("bounded by the probe timeout")
				.isLessThan(Duration.ofMillis(1900));
			assertThat(health.getStatus()).isEqualTo(Status.DOWN);
			assertThat(health.getDetails()).containsEntry("upload-api", "timed out");
		});
	}

	@Test
	void resultsAreReusedForTheCacheTtl(UploadcareEmulator emulator) {
		E2e.runner(emulator).run((context) -> {
			UploadcareHealthIndicator indicator = context.getBean(UploadcareHealthIndicator.class);
			assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
			emulator.faults().fail("/group/info/", 1, 503);
			assertThat(indicator.health().getStatus()).as("cached").isEqualTo(Status.UP);
		});
		assertThat(uc.journal().count("/group/info/")).isOne();
		E2e.runner(emulator, "uploadcare.health.cache-ttl=0s").run((context) -> {
			UploadcareHealthIndicator indicator = context.getBean(UploadcareHealthIndicator.class);
			Health health = indicator.health();
			assertThat(health.getStatus()).as("the 503 left over from above").isEqualTo(Status.DOWN);
			assertThat(health.getDetails()).containsEntry("status", 503);
			assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
		});
		assertThat(uc.journal().count("/group/info/")).isEqualTo(3);
	}

	private static void assertNoSecret(Health health, UploadcareEmulator emulator) {
		assertThat(health.toString()).doesNotContain(emulator.secretKey());
		assertThat(health.getDetails().values()).allSatisfy(
				(value) -> assertThat(String.valueOf(value)).doesNotContain(emulator.secretKey()));
	}

}
