package io.github.ucgroups.emulator.e2e;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.github.ucgroups.FileRef;
import io.github.ucgroups.GroupAdminService;
import io.github.ucgroups.GroupId;
import io.github.ucgroups.GroupListOptions;
import io.github.ucgroups.GroupService;
import io.github.ucgroups.UploadcareAuthenticationException;
import io.github.ucgroups.UploadcareInvalidRequestException;
import io.github.ucgroups.UploadcareServerException;
import io.github.ucgroups.UploadcareThrottledException;
import io.github.ucgroups.emulator.UploadcareEmulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The same errors whether the {@code jsonerrors=1} envelope comes with HTTP 200 (as the official
 * JS client's mock server does) or with the real status; and the REST API's errors and retries.
 */
@Timeout(60)
class ErrorFormsEndToEndTest {

	@ParameterizedTest(name = "envelope with real HTTP status: {0}")
	@ValueSource(booleans = { false, true })
	void uploadApiErrorsAreTypedInBothEnvelopeForms(boolean withHttpStatus) {
		try (UploadcareEmulator emulator = UploadcareEmulator.builder().jsonErrorsWithHttpStatus(withHttpStatus)
			.start()) {
			String a = E2e.seed(emulator, "forms");
			E2e.runner(emulator, "uploadcare.retry.max-retry-after=2s").run((context) -> {
				GroupService groups = context.getBean(GroupService.class);
				assertThatExceptionOfType(UploadcareInvalidRequestException.class)
					.isThrownBy(() -> groups.createGroup(FileRef.parseAll(List.of(UUID.randomUUID().toString()))))
					.satisfies((ex) -> {
						assertThat(ex.getStatus()).isEqualTo(400);
						assertThat(ex.getErrorCode()).isEqualTo("GroupFilesNotFoundError");
						assertThat(ex.getDetail()).isEqualTo("Some files not found.");
					});
				assertThat(groups.findGroup(GroupId.parse(UUID.randomUUID() + "~3"))).isEmpty();

				emulator.faults().throttle("/group/", 1, Duration.ofSeconds(9));
				assertThatExceptionOfType(UploadcareThrottledException.class)
					.isThrownBy(() -> groups.createGroup(FileRef.parseAll(List.of(a))))
					.satisfies((ex) -> {
						assertThat(ex.getErrorCode()).isEqualTo("RequestThrottledError");
						assertThat(ex.getRetryAfter()).contains(Duration.ofSeconds(9));
					});
				emulator.faults().fail("/group/", 1, 500);
				assertThatExceptionOfType(UploadcareServerException.class).isThrownBy(() -> E2e
					.runner(emulator, "uploadcare.retry.max-attempts=1")
					.run((single) -> single.getBean(GroupService.class).createGroup(FileRef.parseAll(List.of(a)))))
					.satisfies((ex) -> assertThat(ex.getStatus()).isEqualTo(500));
			});
			E2e.runner(emulator, "uploadcare.public-key=unknownKey")
				.run((context) -> assertThatExceptionOfType(UploadcareAuthenticationException.class)
					.isThrownBy(() -> context.getBean(GroupService.class).createGroup(FileRef.parseAll(List.of(a))))
					.satisfies((ex) -> assertThat(ex.getStatus()).isEqualTo(403)));
		}
	}

	@Test
	void restThrottlingIsWaitedOutAndServerErrorsAreRetried() {
		try (UploadcareEmulator emulator = UploadcareEmulator.start()) {
			String a = E2e.seed(emulator, "rest");
			E2e.runner(emulator, "uploadcare.secret-key=" + emulator.secretKey()).run((context) -> {
				GroupId id = context.getBean(GroupService.class).createGroup(FileRef.parseAll(List.of(a))).id();
				GroupAdminService admin = context.getBean(GroupAdminService.class);
				emulator.faults().throttle("/rest/groups/", 1, Duration.ofSeconds(1)).fail("/rest/groups/", 1, 502);
				long start = System.nanoTime();
				assertThat(admin.listGroups(GroupListOptions.defaults()).map((group) -> group.id())).containsExactly(id);
				assertThat(Duration.ofNanos(System.nanoTime() - start)).as("Retry-After honoured")
					.isGreaterThanOrEqualTo(Duration.ofMillis(950));
				assertThat(emulator.journal().entries("/rest/groups/")).extracting((entry) -> entry.status())
					.containsExactly(429, 502, 200);
			});
			E2e.runner(emulator, "uploadcare.secret-key=notTheSecret")
				.run((context) -> assertThatExceptionOfType(UploadcareAuthenticationException.class)
					.isThrownBy(() -> context.getBean(GroupAdminService.class).listGroups().toList())
					.satisfies((ex) -> assertThat(ex.getStatus()).isEqualTo(401)));
		}
	}

}
