package io.github.ucgroups.emulator.e2e;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.github.ucgroups.FileRef;
import io.github.ucgroups.GroupService;
import io.github.ucgroups.UploadcareInvalidRequestException;
import io.github.ucgroups.emulator.UploadcareEmulator;
import io.github.ucgroups.emulator.junit.UploadcareEmulatorExtension;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The {@code uploadcare.operations} observation and the {@code uploadcare.retries} counter for
 * real exchanges with the emulator: one observation per operation however many attempts it took.
 */
class ObservabilityEndToEndTest {

	@RegisterExtension
	static final UploadcareEmulatorExtension uc = new UploadcareEmulatorExtension();

	@Test
	void oneTimedOperationPerCallWithItsRetriesCounted(UploadcareEmulator emulator) {
		SimpleMeterRegistry meters = new SimpleMeterRegistry();
		ObservationRegistry observations = ObservationRegistry.create();
		observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));
		String a = E2e.seed(emulator, "observed");
		emulator.faults().throttle("/group/", 1, Duration.ofSeconds(1)).fail("/group/", 1, 503);
		E2e.runner(emulator, "uploadcare.retry.max-attempts=3")
			.withBean(MeterRegistry.class, () -> meters)
			.withBean(ObservationRegistry.class, () -> observations)
			.run((context) -> {
				GroupService groups = context.getBean(GroupService.class);
				groups.createGroup(FileRef.parseAll(List.of(a)));
				assertThatExceptionOfType(UploadcareInvalidRequestException.class)
					.isThrownBy(() -> groups.createGroup(FileRef.parseAll(List.of(UUID.randomUUID().toString()))));
			});
		assertThat(emulator.journal().count("/group/")).isEqualTo(4);

		Timer success = meters.find("uploadcare.operations").tag("operation", "group.create")
			.tag("outcome", "SUCCESS").timer();
		assertThat(success).isNotNull();
		assertThat(success.count()).as("one observation for three attempts").isOne();
		assertThat(success.totalTime(TimeUnit.MILLISECONDS)).as("covers the wait")
			.isGreaterThanOrEqualTo(950);
		Timer failed = meters.find("uploadcare.operations").tag("operation", "group.create")
			.tag("outcome", "CLIENT_ERROR").tag("error", "UploadcareInvalidRequestException").timer();
		assertThat(failed).isNotNull();
		assertThat(failed.count()).isOne();
		assertThat(meters.find("uploadcare.retries").tag("operation", "group.create").tag("reason", "throttled")
			.counter()).isNotNull().satisfies((counter) -> assertThat(counter.count()).isEqualTo(1.0));
		assertThat(meters.find("uploadcare.retries").tag("operation", "group.create").tag("reason", "server_error")
			.counter()).isNotNull().satisfies((counter) -> assertThat(counter.count()).isEqualTo(1.0));
		assertThat(meters.find("uploadcare.operations").timers()).hasSize(2);
	}

}
