package io.github.ucgroups.emulator.resilience;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.github.ucgroups.UploadRequest;
import io.github.ucgroups.Group;
import io.github.ucgroups.GroupService;
import io.github.ucgroups.UploadService;
import io.github.ucgroups.UploadcareBatchUploadException;
import io.github.ucgroups.UploadcareException;
import io.github.ucgroups.emulator.UploadcareEmulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Closing the application context with uploads in flight ({@code uploadcare.upload.shutdown-timeout}):
 * they finish if they can within the timeout; else they are cancelled, their callers get a typed
 * exception listing what was uploaded, the UUIDs are logged at WARN, and no upload thread stays.
 */
@Timeout(60)
@ExtendWith(OutputCaptureExtension.class)
class GracefulShutdownTest {

	private UploadcareEmulator uc;

	private Set<Thread> threadsBefore;

	@BeforeEach
	void start() {
		this.uc = UploadcareEmulator.start();
		this.threadsBefore = new HashSet<>(Thread.getAllStackTraces().keySet());
	}

	@AfterEach
	void stop() {
		this.uc.close();
	}

	/** Upload threads started by this test that are still alive. */
	private List<String> newUploadThreads() {
		return Thread.getAllStackTraces()
			.keySet()
			.stream()
			.filter((thread) -> thread.isAlive() && !this.threadsBefore.contains(thread))
			.map(Thread::getName)
			.filter((name) -> name.startsWith("uploadcare-upload-") || name.startsWith("uploadcare-part-"))
			.toList();
	}

	@Test
	void uploadsInFlightFinishWhenTheyCanWithinTheTimeout(CapturedOutput output) {
		// Each /base/ answer takes 1 s; the shutdown waits up to 10 s.
		this.uc.faults().delay("/base/", Duration.ofSeconds(1));
		Resilience.runner(this.uc, "uploadcare.upload.shutdown-timeout=10s").run((context) -> {
			GroupService groups = context.getBean(GroupService.class);
			CompletableFuture<Group> call = CompletableFuture.supplyAsync(() -> groups
				.uploadGroup(UploadRequest.allOf(List.of(Resilience.small("a"), Resilience.small("b"), Resilience.small("c")))));
			assertThat(Resilience.eventually(Duration.ofSeconds(5), () -> !newUploadThreads().isEmpty())).isTrue();
			long start = System.nanoTime();
			context.close();
			Duration closing = Duration.ofNanos(System.nanoTime() - start);
			assertThat(closing).as("waited for the uploads, not the whole timeout").isLessThan(Duration.ofSeconds(9));
			Group group = call.get(20, TimeUnit.SECONDS);
			assertThat(this.uc.group(group.id())).isPresent();
			assertThat(group.files()).hasSize(3);
			assertThatExceptionOfType(IllegalStateException.class).as("new uploads are refused once closed")
				.isThrownBy(() -> context.getBean(UploadService.class).upload(Resilience.small("late")))
				.withMessageContaining("closed");
		});
		assertThat(newUploadThreads()).isEmpty();
		assertThat(output).doesNotContain("are cancelled");
	}

	@Test
	void uploadsStillRunningAfterTheTimeoutAreCancelledAndTheUploadedUuidsLogged(CapturedOutput output)
			throws Exception {
		// Small files go through at once; every part of the large file takes 20 s to be answered.
		this.uc.faults().delay("/s3-part/", Duration.ofSeconds(20));
		Resilience.runner(this.uc, "uploadcare.upload.shutdown-timeout=500ms", "uploadcare.read-timeout=60s")
			.run((context) -> {
				GroupService groups = context.getBean(GroupService.class);
				CompletableFuture<Group> call = CompletableFuture.supplyAsync(() -> groups.uploadGroup(
						UploadRequest.allOf(List.of(Resilience.small("a"), Resilience.large("big"), Resilience.small("c")))));
				assertThat(Resilience.eventually(Duration.ofSeconds(10),
						() -> this.uc.files().size() == 2 && this.uc.journal().count("/multipart/start/") == 1))
					.isTrue();
				long start = System.nanoTime();
				context.close();
				assertThat(Duration.ofNanos(System.nanoTime() - start)).as("does not wait for the 20 s parts")
					.isLessThan(Duration.ofSeconds(10));
				Throwable failure = catchFailure(call);
				assertThat(failure).isInstanceOfSatisfying(UploadcareBatchUploadException.class, (ex) -> {
					assertThat(Set.copyOf(ex.getUploadedUuids())).isEqualTo(Resilience.fileUuids(this.uc));
					assertThat(ex.getFailures()).singleElement().satisfies((each) -> {
						assertThat(each.index()).isOne();
						assertThat(each.cause()).isInstanceOf(UploadcareException.class);
					});
					assertThat(output).contains("are cancelled");
					for (String uuid : ex.getUploadedUuids()) {
						assertThat(output).contains(uuid);
					}
				});
			});
		assertThat(output.getOut() + output.getErr()).containsPattern("WARN.*DefaultUploadService");
		assertThat(Resilience.eventually(Duration.ofSeconds(5), () -> newUploadThreads().isEmpty()))
			.as("no upload thread left: " + newUploadThreads())
			.isTrue();
		assertThat(this.uc.groups()).isEmpty();
	}

	private static Throwable catchFailure(CompletableFuture<?> call) throws Exception {
		try {
			Object result = call.get(20, TimeUnit.SECONDS);
			throw new AssertionError("expected a failure, got " + result);
		}
		catch (java.util.concurrent.ExecutionException ex) {
			return ex.getCause();
		}
	}

}
