package io.github.ucgroups.emulator.resilience;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import io.github.ucgroups.UploadRequest;
import io.github.ucgroups.Group;
import io.github.ucgroups.GroupService;
import io.github.ucgroups.UploadSource;
import io.github.ucgroups.UploadcareBatchUploadException;
import io.github.ucgroups.UploadcareNetworkException;
import io.github.ucgroups.UploadcarePartUploadException;
import io.github.ucgroups.UploadcareServerException;
import io.github.ucgroups.UploadcareThrottledException;
import io.github.ucgroups.emulator.UploadcareEmulator;
import io.github.ucgroups.emulator.journal.JournalEntry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Abuse of {@code uploadGroup} by the emulator's fault injection: every storm ends in
 * the documented outcome, with the documented exception type, within a bounded time, and every
 * file that Uploadcare (the emulator) holds because of the call is either in the group or listed
 * by the {@link UploadcareBatchUploadException}.
 * <p>
 * Time bounds are generous "does not hang" limits, not performance assertions.
 */
@Timeout(60)
class FaultStormsTest {

	private UploadcareEmulator uc;

	@BeforeEach
	void start() {
		this.uc = UploadcareEmulator.start();
	}

	@AfterEach
	void stop() {
		this.uc.close();
	}

	private UploadcareBatchUploadException failedBatch(GroupService groups, List<UploadSource> sources) {
		try {
			Group group = groups.uploadGroup(UploadRequest.allOf(sources));
			throw new AssertionError("expected the batch to fail, but got " + group);
		}
		catch (UploadcareBatchUploadException ex) {
			return ex;
		}
	}

	/** Everything the emulator holds is exactly what the exception says was uploaded. */
	private void assertNothingForgotten(UploadcareBatchUploadException ex) {
		assertThat(Set.copyOf(ex.getUploadedUuids())).as("uploaded UUIDs reported by the exception")
			.isEqualTo(Resilience.fileUuids(this.uc));
		assertThat(ex.getUploaded().size() + ex.getFailures().size()).isEqualTo(ex.getTotal());
		assertThat(this.uc.groups()).as("no group was created").isEmpty();
	}

	@Test
	void aThrottlingStormOnGroupCreationKeepsEveryUploadedFileListed() {
		this.uc.faults().throttle("/group/", 1000, Duration.ofSeconds(1));
		Resilience.runner(this.uc, "uploadcare.retry.max-attempts=3").run((context) -> {
			GroupService groups = context.getBean(GroupService.class);
			long start = System.nanoTime();
			UploadcareBatchUploadException ex = failedBatch(groups,
					List.of(Resilience.small("a"), Resilience.small("b"), Resilience.small("c")));
			assertThat(Duration.ofNanos(System.nanoTime() - start)).as("does not hang").isLessThan(Duration.ofSeconds(30));
			assertThat(ex.getGroupFailure()).isInstanceOf(UploadcareThrottledException.class);
			assertThat(((UploadcareThrottledException) ex.getGroupFailure()).getRetryAfter())
				.contains(Duration.ofSeconds(1));
			assertThat(ex.getFailures()).isEmpty();
			assertThat(ex.getUploadedUuids()).hasSize(3);
			assertThat(ex.getOrphans()).isEqualTo(UploadcareBatchUploadException.OrphanOutcome.KEPT);
			assertNothingForgotten(ex);
		});
		assertThat(this.uc.journal().count("/group/")).as("max-attempts requests, then it gives up").isEqualTo(3);
	}

	@Test
	void aThrottlingStormOnUploadsFailsEveryFileWithTheThrottledType() {
		this.uc.faults().throttle("/base/", 1000, Duration.ofSeconds(1));
		Resilience.runner(this.uc, "uploadcare.retry.max-attempts=2").run((context) -> {
			UploadcareBatchUploadException ex = failedBatch(context.getBean(GroupService.class),
					List.of(Resilience.small("a"), Resilience.small("b")));
			assertThat(ex.getFailures()).hasSize(2)
				.allSatisfy((failure) -> assertThat(failure.cause()).isInstanceOf(UploadcareThrottledException.class));
			assertThat(ex.getGroupFailure()).isNull();
			assertNothingForgotten(ex);
		});
		assertThat(this.uc.journal().count("/base/")).isEqualTo(4);
		assertThat(this.uc.journal().count("/group/")).isZero();
	}

	@Test
	void aShortServerErrorBurstIsAbsorbedByRetries() {
		this.uc.faults().fail("/base/", 2, 503).fail("/group/", 2, 500);
		Resilience.runner(this.uc, "uploadcare.retry.max-attempts=3").run((context) -> {
			Group group = context.getBean(GroupService.class)
				.uploadGroup(UploadRequest.allOf(List.of(Resilience.small("a"), Resilience.small("b"))));
			assertThat(this.uc.group(group.id())).isPresent();
			assertThat(group.files()).hasSize(2);
			assertThat(Resilience.fileUuids(this.uc)).hasSize(2);
		});
		assertThat(this.uc.faults().hasPending()).isFalse();
	}

	@Test
	void aLongServerErrorBurstFailsTheAffectedFileWithTheServerErrorType() {
		// One file's /base/ is always refused, the other's is not: the order of the two uploads is
		// not fixed, so the storm is long enough for one upload's retries and the other succeeds
		// once it is used up.
		this.uc.faults().fail("/base/", 3, 502);
		Resilience.runner(this.uc, "uploadcare.retry.max-attempts=3", "uploadcare.upload.max-concurrent-files=1")
			.run((context) -> {
				UploadcareBatchUploadException ex = failedBatch(context.getBean(GroupService.class),
						List.of(Resilience.small("a"), Resilience.small("b")));
				assertThat(ex.getFailures()).singleElement().satisfies((failure) -> {
					assertThat(failure.index()).isZero();
					assertThat(failure.cause()).isInstanceOfSatisfying(UploadcareServerException.class,
							(cause) -> assertThat(cause.getStatus()).isEqualTo(502));
				});
				assertThat(ex.getUploaded()).singleElement().satisfies((uploaded) -> assertThat(uploaded.index()).isOne());
				assertNothingForgotten(ex);
			});
	}

	@Test
	void latencyAboveTheReadTimeoutIsATimeoutAndTheLateFileIsTheOnlyOneNotListed() throws Exception {
		// The first /base/ answer comes after 2 s, the read timeout is 300 ms, no retries.
		this.uc.faults().delay("/base/", Duration.ofSeconds(2), 1);
		Resilience.runner(this.uc, "uploadcare.read-timeout=300ms", "uploadcare.retry.max-attempts=1",
				"uploadcare.upload.max-concurrent-files=1")
			.run((context) -> {
				long start = System.nanoTime();
				UploadcareBatchUploadException ex = failedBatch(context.getBean(GroupService.class),
						List.of(Resilience.small("slow"), Resilience.small("fast")));
				assertThat(Duration.ofNanos(System.nanoTime() - start)).as("does not wait for the slow answer")
					.isLessThan(Duration.ofMillis(1900));
				assertThat(ex.getFailures()).singleElement()
					.satisfies((failure) -> assertThat(failure.cause())
						.isInstanceOfSatisfying(UploadcareNetworkException.class,
								(cause) -> assertThat(cause.isTimeout()).isTrue()));
				assertThat(ex.getUploadedUuids()).hasSize(1);
				// The emulator, like Uploadcare, still finishes the request the client gave up on: that
				// file exists, but the client never learnt its UUID (documented in the README (Operating in production)).
				assertThat(Resilience.eventually(Duration.ofSeconds(10), () -> this.uc.files().size() == 2)).isTrue();
				assertThat(Resilience.fileUuids(this.uc)).containsAll(ex.getUploadedUuids());
				assertThat(this.uc.files()).filteredOn((file) -> !ex.getUploadedUuids().contains(file.uuid()))
					.singleElement()
					.satisfies((late) -> assertThat(late.originalFilename()).isEqualTo("slow.txt"));
			});
	}

	@Test
	void aConnectionDroppedOnBaseIsRetriedAndNothingIsUploadedTwice() {
		this.uc.faults().drop("/base/", 2);
		Resilience.runner(this.uc, "uploadcare.retry.max-attempts=3").run((context) -> {
			Group group = context.getBean(GroupService.class)
				.uploadGroup(UploadRequest.allOf(List.of(Resilience.small("a"), Resilience.small("b"))));
			assertThat(this.uc.group(group.id())).isPresent();
		});
		assertThat(this.uc.journal().entries("/base/")).extracting(JournalEntry::status).filteredOn((s) -> s == 0).hasSize(2);
		assertThat(this.uc.files()).as("a dropped request stores nothing").hasSize(2);
	}

	@Test
	void aConnectionDroppedOnBaseWithoutRetriesFailsWithTheNetworkType() {
		this.uc.faults().drop("/base/", 1);
		Resilience.runner(this.uc, "uploadcare.retry.max-attempts=1", "uploadcare.upload.max-concurrent-files=1")
			.run((context) -> {
				UploadcareBatchUploadException ex = failedBatch(context.getBean(GroupService.class),
						List.of(Resilience.small("a"), Resilience.small("b")));
				assertThat(ex.getFailures()).singleElement()
					.satisfies((failure) -> assertThat(failure.cause()).isInstanceOfSatisfying(
							UploadcareNetworkException.class, (cause) -> assertThat(cause.isTimeout()).isFalse()));
				assertNothingForgotten(ex);
			});
	}

	@Test
	void aConnectionDroppedDuringAMultipartPartPutIsRetriedPerPart() {
		this.uc.faults().drop("/s3-part/", 2);
		Resilience.runner(this.uc, "uploadcare.retry.max-attempts=3").run((context) -> {
			Group group = context.getBean(GroupService.class)
				.uploadGroup(UploadRequest.allOf(List.of(Resilience.large("big"), Resilience.small("small"))));
			assertThat(this.uc.group(group.id())).isPresent();
			assertThat(this.uc.files()).hasSize(2)
				.anySatisfy((file) -> assertThat(file.size()).isEqualTo(Resilience.MULTIPART_SIZE));
		});
		List<JournalEntry> parts = this.uc.journal().entries("/s3-part/");
		assertThat(parts).extracting(JournalEntry::status).filteredOn((s) -> s == 0).hasSize(2);
		assertThat(parts).as("3 parts, 2 of them sent again").hasSize(5);
		assertThat(this.uc.journal().count("/multipart/start/")).as("the upload is not restarted").isOne();
	}

	@Test
	void aPartFailingRepeatedlyEndsInAPartUploadExceptionAndTheOtherFilesAreListed() {
		this.uc.faults().fail("/s3-part/", 1000, 503);
		Resilience.runner(this.uc, "uploadcare.retry.max-attempts=3").run((context) -> {
			long start = System.nanoTime();
			UploadcareBatchUploadException ex = failedBatch(context.getBean(GroupService.class),
					List.of(Resilience.small("a"), Resilience.large("big"), Resilience.small("c")));
			assertThat(Duration.ofNanos(System.nanoTime() - start)).as("does not hang").isLessThan(Duration.ofSeconds(30));
			assertThat(ex.getFailures()).singleElement().satisfies((failure) -> {
				assertThat(failure.index()).isOne();
				assertThat(failure.cause()).isInstanceOfSatisfying(UploadcarePartUploadException.class, (cause) -> {
					assertThat(cause.getPartCount()).isEqualTo(3);
					assertThat(cause.getPartNumber()).isBetween(1, 3);
					assertThat(cause.getUuid()).isNotBlank();
					// The emulator answers 503 without reading the 5 MiB body and closes the
					// connection, so the last attempt may end as a reset while sending.
					assertThat(cause.getCause()).isInstanceOfAny(UploadcareServerException.class,
							UploadcareNetworkException.class);
				});
			});
			assertThat(ex.getUploaded()).extracting(UploadcareBatchUploadException.Uploaded::index)
				.containsExactlyInAnyOrder(0, 2);
			// The unfinished multipart upload is no file (it is never completed).
			assertNothingForgotten(ex);
		});
		assertThat(this.uc.journal().count("/multipart/complete/")).isZero();
	}

}
