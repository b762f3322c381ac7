package io.github.ucgroups.emulator.e2e;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import io.github.ucgroups.FileRef;
import io.github.ucgroups.Group;
import io.github.ucgroups.GroupService;
import io.github.ucgroups.UploadcareNetworkException;
import io.github.ucgroups.UploadcareServerException;
import io.github.ucgroups.UploadcareThrottledException;
import io.github.ucgroups.emulator.UploadcareEmulator;
import io.github.ucgroups.emulator.junit.UploadcareEmulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.test.context.FilteredClassLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The client's retries, Retry-After handling and timeouts against the emulator's injected faults.
 */
@Timeout(60)
class ResilienceEndToEndTest {

	@RegisterExtension
	static final UploadcareEmulatorExtension uc = new UploadcareEmulatorExtension();

	@Test
	void throttledTwiceSucceedsOnTheThirdRequestAfterWaitingRetryAfter(UploadcareEmulator emulator) {
		String a = E2e.seed(emulator, "throttled");
		emulator.faults().throttle("/group/", 2, Duration.ofSeconds(1));
		E2e.runner(emulator, "uploadcare.retry.max-attempts=3").run((context) -> {
			long start = System.nanoTime();
			Group group = context.getBean(GroupService.class).createGroup(FileRef.parseAll(List.of(a)));
			Duration took = Duration.ofNanos(System.nanoTime() - start);
			assertThat(emulator.group(group.id())).isPresent();
			// Two Retry-After: 1 waits; the back-off configured (20 ms) alone would be far shorter.
			assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(1900));
		});
		assertThat(emulator.journal().count("/group/")).as("two throttled requests, then the created group")
			.isEqualTo(3);
		assertThat(emulator.faults().hasPending()).isFalse();
	}

	@Test
	void aRetryAfterLongerThanTheCapFailsAtOnceWithTheAdvertisedWait(UploadcareEmulator emulator) {
		String a = E2e.seed(emulator, "long-wait");
		emulator.faults().throttle("/group/", 1, Duration.ofSeconds(30));
		E2e.runner(emulator, "uploadcare.retry.max-retry-after=2s").run((context) -> {
			long start = System.nanoTime();
			assertThatExceptionOfType(UploadcareThrottledException.class)
				.isThrownBy(() -> context.getBean(GroupService.class).createGroup(FileRef.parseAll(List.of(a))))
				.satisfies((ex) -> {
					assertThat(ex.getStatus()).isEqualTo(429);
					assertThat(ex.getRetryAfter()).contains(Duration.ofSeconds(30));
					assertThat(ex.getDetail()).isEqualTo("Request was throttled.");
					assertThat(ex.isTransient()).isTrue();
				});
			assertThat(Duration.ofNanos(System.nanoTime() - start)).as("does not wait")
				.isLessThan(Duration.ofSeconds(20));
		});
		assertThat(emulator.journal().count("/group/")).isOne();
	}

	@Test
	void aServerErrorStormFailsAfterExactlyMaxAttempts(UploadcareEmulator emulator) {
		String a = E2e.seed(emulator, "storm");
		emulator.faults().fail("/group/", 10, 503);
		E2e.runner(emulator, "uploadcare.retry.max-attempts=4").run((context) -> {
			assertThatExceptionOfType(UploadcareServerException.class)
				.isThrownBy(() -> context.getBean(GroupService.class).createGroup(FileRef.parseAll(List.of(a))))
				.satisfies((ex) -> {
					assertThat(ex.getStatus()).isEqualTo(503);
					assertThat(ex.getOperation()).isEqualTo("group.create");
				});
		});
		assertThat(emulator.journal().count("/group/")).isEqualTo(4);
		assertThat(emulator.groups()).noneMatch((group) -> group.entries().get(0).fileUuid().equals(a));
	}

	@Test
	void aDroppedConnectionIsRetried(UploadcareEmulator emulator) {
		String a = E2e.seed(emulator, "dropped");
		emulator.faults().drop("/group/", 1);
		E2e.runner(emulator).run((context) -> {
			Group group = context.getBean(GroupService.class).createGroup(FileRef.parseAll(List.of(a)));
			assertThat(emulator.group(group.id())).isPresent();
		});
		assertThat(emulator.journal().entries("/group/")).extracting((entry) -> entry.status())
			.containsExactly(0, 200);
	}

	@Test
	void aSlowAnswerBeyondTheReadTimeoutIsATimeout(UploadcareEmulator emulator) {
		String a = E2e.seed(emulator, "slow");
		emulator.faults().delay("/group/", Duration.ofSeconds(3), 1);
		E2e.runner(emulator, "uploadcare.read-timeout=300ms", "uploadcare.retry.max-attempts=1").run((context) -> {
			long start = System.nanoTime();
			assertThatExceptionOfType(UploadcareNetworkException.class)
				.isThrownBy(() -> context.getBean(GroupService.class).createGroup(FileRef.parseAll(List.of(a))))
				.satisfies((ex) -> {
					assertThat(ex.isTimeout()).isTrue();
					assertThat(ex.getStatus()).isZero();
				});
			assertThat(Duration.ofNanos(System.nanoTime() - start)).as("does not hang")
				.isLessThan(Duration.ofMillis(2900));
		});
	}

	@Test
	void withoutBootsHttpClientSupportTheJdkFallbackRetriesAndTimesOutToo(UploadcareEmulator emulator) {
		String a = E2e.seed(emulator, "fallback");
		E2e.runner(emulator, "uploadcare.read-timeout=300ms", "uploadcare.retry.max-attempts=2")
			.withClassLoader(new FilteredClassLoader(ClientHttpRequestFactoryBuilder.class))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				GroupService groups = context.getBean(GroupService.class);
				emulator.faults().drop("/group/", 1);
				assertThat(emulator.group(groups.createGroup(FileRef.parseAll(List.of(a))).id())).isPresent();
				assertThat(emulator.journal().entries("/group/")).extracting((entry) -> entry.status())
					.containsExactly(0, 200);

				emulator.faults().delay("/group/", Duration.ofSeconds(3), 2);
				long start = System.nanoTime();
				assertThatExceptionOfType(UploadcareNetworkException.class)
					.isThrownBy(() -> groups.createGroup(FileRef.parseAll(List.of(a))))
					.satisfies((ex) -> assertThat(ex.isTimeout()).isTrue());
				assertThat(Duration.ofNanos(System.nanoTime() - start)).as("two attempts of 300 ms, not two of 3 s")
					.isLessThan(Duration.ofMillis(2900));
			});
	}

	@Test
	void interruptingACallerThatWaitsOutRetryAfterEndsTheCallPromptly(UploadcareEmulator emulator) throws Exception {
		String a = E2e.seed(emulator, "interrupted");
		emulator.faults().throttle("/group/", 1, Duration.ofSeconds(10));
		E2e.runner(emulator, "uploadcare.retry.max-retry-after=15s").run((context) -> {
			GroupService groups = context.getBean(GroupService.class);
			AtomicReference<Throwable> failure = new AtomicReference<>();
			AtomicBoolean interruptKept = new AtomicBoolean();
			Thread caller = new Thread(() -> {
				try {
					groups.createGroup(FileRef.parseAll(List.of(a)));
				}
				catch (Throwable ex) {
					failure.set(ex);
					interruptKept.set(Thread.currentThread().isInterrupted());
				}
			}, "e2e-interrupted-caller");
			caller.start();
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
			while (emulator.journal().count("/group/") == 0 && System.nanoTime() < deadline) {
				Thread.sleep(10);
			}
			Thread.sleep(200);
			long start = System.nanoTime();
			caller.interrupt();
			caller.join(5000);
			assertThat(caller.isAlive()).as("does not hang").isFalse();
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
			assertThat(failure.get()).isInstanceOf(UploadcareNetworkException.class);
			assertThat(interruptKept).as("the interrupt flag is kept for the caller").isTrue();
		});
		assertThat(emulator.journal().count("/group/")).as("no retry after the interrupt").isOne();
	}

}
