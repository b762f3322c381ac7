package io.github.ucgroups.emulator.e2e;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import io.github.ucgroups.FileRef;
import io.github.ucgroups.Group;
import io.github.ucgroups.GroupAdminService;
import io.github.ucgroups.GroupId;
import io.github.ucgroups.GroupService;
import io.github.ucgroups.UploadcareAuthenticationException;
import io.github.ucgroups.emulator.UploadcareEmulator;
import io.github.ucgroups.emulator.store.GroupEntry;
import io.github.ucgroups.emulator.testsupport.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Client and emulator on one settable clock (the client takes it from a {@code Clock} bean):
 * signatures and tokens are renewed as time passes instead of being made once per process, and
 * REST requests carry a {@code Date} from that clock.
 */
class ClockEndToEndTest {

	@ParameterizedTest
	@ValueSource(strings = { "signature", "jwt" })
	void signaturesAndTokensAreRenewedAsTimePasses(String scheme) {
		MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
		try (UploadcareEmulator emulator = UploadcareEmulator.builder().signedUploadsRequired(true).clock(clock)
			.start()) {
			String a = E2e.seed(emulator, "clock-" + scheme);
			E2e.runner(emulator, "uploadcare.secret-key=" + emulator.secretKey(),
					"uploadcare.signed-uploads.scheme=" + scheme, "uploadcare.signed-uploads.lifetime=30m")
				.withBean(Clock.class, () -> clock)
				.run((context) -> {
					GroupService groups = context.getBean(GroupService.class);
					Group first = groups.createGroup(FileRef.parseAll(List.of(a)));
					assertThat(first.createdAt()).isBetween(clock.instant().minusSeconds(1), clock.instant().plusSeconds(1));

					clock.advance(Duration.ofMinutes(29)); // the first signature or token has a minute left
					groups.createGroup(FileRef.parseAll(List.of(a)));
					clock.advance(Duration.ofMinutes(31)); // now long expired
					groups.createGroup(FileRef.parseAll(List.of(a)));
					clock.advance(Duration.ofHours(30));
					Group last = groups.createGroup(FileRef.parseAll(List.of(a)));
					assertThat(last.createdAt()).isAfter(first.createdAt().plus(Duration.ofHours(30)));

					GroupAdminService admin = context.getBean(GroupAdminService.class);
					assertThat(admin.getGroup(last.id()).id()).as("REST Date from the same clock")
						.isEqualTo(last.id());
				});
			assertThat(emulator.journal().entries("/group/")).hasSize(4)
				.allSatisfy((entry) -> assertThat(entry.status()).isEqualTo(200));
		}
	}

	@Test
	void requestsSignedByAClockFarBehindTheServersAreRefused() {
		// The control for the test above: without the shared clock, time matters to both checks.
		MutableClock clock = new MutableClock(Instant.now().plus(Duration.ofHours(2)));
		try (UploadcareEmulator emulator = UploadcareEmulator.builder().signedUploadsRequired(true).clock(clock).start()) {
			String a = E2e.seed(emulator, "skew");
			GroupId stored = GroupId.parse(emulator.store().createGroup(List.of(new GroupEntry(a, ""))).id());
			E2e.runner(emulator, "uploadcare.secret-key=" + emulator.secretKey()).run((context) -> {
				assertThatExceptionOfType(UploadcareAuthenticationException.class)
					.isThrownBy(() -> context.getBean(GroupService.class).createGroup(FileRef.parseAll(List.of(a))))
					.satisfies((ex) -> assertThat(ex.getDetail()).isEqualTo("Expired signature."));
				assertThatExceptionOfType(UploadcareAuthenticationException.class)
					.isThrownBy(() -> context.getBean(GroupAdminService.class).getGroup(stored))
					.satisfies((ex) -> assertThat(ex.getStatus()).isEqualTo(401));
			});
		}
	}

}
