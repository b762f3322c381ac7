package io.github.ucgroups.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.github.ucgroups.Group;
import io.github.ucgroups.OrphanPolicy;
import io.github.ucgroups.UploadOptions;
import io.github.ucgroups.UploadProgressListener;
import io.github.ucgroups.UploadRequest;
import io.github.ucgroups.UploadSource;
import io.github.ucgroups.UploadcareBatchUploadException;
import io.github.ucgroups.UploadcareBatchUploadException.OrphanOutcome;
import io.github.ucgroups.UploadcareInvalidRequestException;
import io.github.ucgroups.UploadcareMultipartUploadException;
import io.github.ucgroups.cdn.CdnUrls;
import io.github.ucgroups.observation.UploadcareObservationContext;
import io.github.ucgroups.signing.UploadSigner;
import io.github.ucgroups.testsupport.TestTransports;

import static io.github.ucgroups.testsupport.TestKeys.PUBLIC_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

class GroupFromUploadsTest {

	@StartStop
	private final MockWebServer server = new MockWebServer();

	private final FakeUploadApi api = FakeUploadApi.on(this.server);

	private DefaultUploadService uploads;

	@BeforeEach
	void start() throws Exception {
		this.uploads = new DefaultUploadService(TestTransports.to(this.server, 2, ObservationRegistry.NOOP),
				UploadSigner.NONE, PUBLIC_KEY, UploadTestSupport.settings(4, 4, Duration.ofSeconds(5)));
	}

	@AfterEach
	void stop() {
		this.uploads.close();
		this.api.release.countDown();
	}

	private DefaultGroupService groups(OrphanPolicy policy, OrphanFileRemover remover) {
		return groups(policy, remover, ObservationRegistry.NOOP);
	}

	private DefaultGroupService groups(OrphanPolicy policy, OrphanFileRemover remover, ObservationRegistry registry) {
		return new DefaultGroupService(TestTransports.to(this.server, 2, registry), UploadSigner.NONE,
				PUBLIC_KEY, new CdnUrls(CdnUrls.projectCdnBase(PUBLIC_KEY)),
				new GroupUploads(this.uploads, policy, remover, registry, null));
	}

	private DefaultGroupService groups() {
		return groups(OrphanPolicy.KEEP, null);
	}

	private static UploadSource text(String name) {
		return UploadSource.of(("content of " + name).getBytes(), name, "text/plain");
	}

	private List<String> groupFiles() {
		FakeUploadApi.Call call = this.api.calls("/group/").get(0);
		List<String> files = new ArrayList<>();
		for (UploadFormParts.Part part : call.form()) {
			if (part.name().startsWith("files[")) {
				assertThat(part.name()).isEqualTo("files[" + files.size() + "]");
				files.add(part.text());
			}
		}
		return files;
	}

	@Test
	void groupKeepsSubmissionOrderWhateverOrderUploadsFinishIn() {
		// a.txt is answered only after the two others: it finishes last and gets the last UUID.
		this.api.heldFilenames.add("a.txt");
		this.api.releaseAfterAnswered = 2;

		Group group = groups().uploadGroup(List.of(UploadRequest.of(text("a.txt")),
				UploadRequest.of(text("b.txt"), "resize/x800/"), UploadRequest.of(text("c.txt"))),
				UploadOptions.defaults());

		String a = this.api.issued.get("a.txt");
		String b = this.api.issued.get("b.txt");
		String c = this.api.issued.get("c.txt");
		assertThat(a).isEqualTo(FakeUploadApi.uuid(3));
		assertThat(groupFiles()).containsExactly(a, b + "/-/resize/x800/", c);
		assertThat(group.id().filesCount()).isEqualTo(3);
		assertThat(this.api.calls.get(this.api.calls.size() - 1).path()).isEqualTo("/group/");
	}

	private static UploadSource large(String name) {
		return UploadSource.of(UploadTestSupport.content(11 * UploadTestSupport.MIB, 5), name,
				"application/octet-stream");
	}

	@Test
	void aLostAnswerToMultipartCompleteIsConfirmedAndTheGroupIsCreated() {
		// The first complete is carried out but its connection closes before the answer; the retry
		// is answered "400 File is already uploaded." as the live service answers it.
		this.api.completeAnswersLost.set(1);

		Group group = groups().uploadGroup(UploadRequest.allOf(List.of(large("big.bin"), text("small.txt"))));

		List<FakeUploadApi.Call> completes = this.api.calls("/multipart/complete/");
		assertThat(completes).hasSize(2);
		String big = UploadFormParts.value(completes.get(0).form(), "uuid");
		assertThat(UploadFormParts.value(completes.get(1).form(), "uuid")).isEqualTo(big);
		List<FakeUploadApi.Call> infos = this.api.calls("/info/");
		assertThat(infos).singleElement().satisfies((info) -> {
			assertThat(info.method()).isEqualTo("GET");
			assertThat(info.target()).contains("pub_key=" + PUBLIC_KEY).contains("file_id=" + big);
		});
		assertThat(groupFiles()).containsExactly(big, this.api.issued.get("small.txt"));
		assertThat(group.id().filesCount()).isEqualTo(2);
	}

	@Test
	void aMultipartUploadThatFailsAfterStartIsListedAsPossiblyStored() {
		this.api.completeFailures.set(-1); // every complete answers 500

		assertThatExceptionOfType(UploadcareBatchUploadException.class)
			.isThrownBy(() -> groups().uploadGroup(UploadRequest.allOf(List.of(text("small.txt"), large("big.bin")))))
			.satisfies((ex) -> {
				String big = UploadFormParts.value(this.api.calls("/multipart/complete/").get(0).form(), "uuid");
				assertThat(ex.getUploadedUuids()).containsExactly(this.api.issued.get("small.txt"));
				assertThat(ex.getPossiblyStoredUuids()).containsExactly(big);
				assertThat(ex.getFailures()).singleElement().satisfies((failure) -> {
					assertThat(failure.index()).isEqualTo(1);
					assertThat(failure.possiblyStoredUuid()).isEqualTo(big);
					assertThat(failure.cause()).isInstanceOfSatisfying(UploadcareMultipartUploadException.class,
							(cause) -> {
								assertThat(cause.getUuid()).isEqualTo(big);
								assertThat(cause.getStatus()).isEqualTo(500);
								assertThat(cause.isTransient()).isTrue();
							});
				});
				assertThat(ex.getMessage()).contains("possibly stored").contains("#1 big.bin=" + big);
				assertThat(this.api.calls("/group/")).isEmpty();
			});
	}

	@Test
	void underTheDeletePolicyPossiblyStoredUploadsAreDeletedToo() {
		this.api.completeFailures.set(-1);
		List<String> deleted = new CopyOnWriteArrayList<>();

		assertThatExceptionOfType(UploadcareBatchUploadException.class)
			.isThrownBy(() -> groups(OrphanPolicy.DELETE, deleted::addAll)
				.uploadGroup(UploadRequest.allOf(List.of(text("small.txt"), large("big.bin")))))
			.satisfies((ex) -> {
				assertThat(deleted).containsExactlyInAnyOrder(this.api.issued.get("small.txt"),
						ex.getPossiblyStoredUuids().get(0));
				assertThat(ex.getOrphans()).isEqualTo(OrphanOutcome.DELETED);
			});
	}

	@Test
	void theBatchIsObservedAndItsRequestsNestUnderIt() {
		ObservationRegistry registry = ObservationRegistry.create();
		List<String> stopped = new CopyOnWriteArrayList<>();
		registry.observationConfig().observationHandler(new ObservationHandler<Observation.Context>() {
			@Override
			public boolean supportsContext(Observation.Context context) {
				return context instanceof UploadcareObservationContext;
			}

			@Override
			public void onStop(Observation.Context context) {
				String parent = (context.getParentObservation() != null)
						? ((UploadcareObservationContext) context.getParentObservation().getContextView())
							.getOperation()
						: "none";
				stopped.add(((UploadcareObservationContext) context).getOperation() + "<" + parent);
			}
		});
		this.uploads.close();
		this.uploads = new DefaultUploadService(TestTransports.to(this.server, 2, registry),
				UploadSigner.NONE, PUBLIC_KEY, UploadTestSupport.settings(4, 4, Duration.ofSeconds(5)), registry);
		DefaultGroupService groups = groups(OrphanPolicy.KEEP, null, registry);

		groups.uploadGroup(UploadRequest.allOf(List.of(text("a.txt"), text("b.txt"))));

		assertThat(stopped).containsExactlyInAnyOrder("file.upload<group.create-from-uploads",
				"file.upload<group.create-from-uploads", "group.create<group.create-from-uploads",
				"group.create-from-uploads<none");
	}

	@Test
	void plainSourcesMakeAGroupToo() {
		List<Long> batchDone = new CopyOnWriteArrayList<>();
		List<String> filesDone = new CopyOnWriteArrayList<>();
		UploadSource x = text("x.txt");
		UploadSource y = text("y.txt");
		Group group = groups().uploadGroup(UploadRequest.allOf(List.of(x, y)),
				UploadOptions.defaults().withProgressListener(new UploadProgressListener() {
					@Override
					public void onFileProgress(int index, UploadSource source, long done, long total) {
						filesDone.add(index + ":" + source.filename() + ":" + done + "/" + total);
					}

					@Override
					public void onBatchProgress(long done, long total) {
						assertThat(total).isEqualTo(x.size() + y.size());
						batchDone.add(done);
					}
				}));

		assertThat(groupFiles()).containsExactly(this.api.issued.get("x.txt"), this.api.issued.get("y.txt"));
		assertThat(group.files()).hasSize(2);
		assertThat(filesDone).containsExactlyInAnyOrder("0:x.txt:" + x.size() + "/" + x.size(),
				"1:y.txt:" + y.size() + "/" + y.size());
		assertThat(batchDone).hasSize(2).contains(x.size() + y.size());
	}

	@Test
	void aFailedUploadMeansNoGroupAndAnExceptionListingWhatWasUploaded() {
		this.api.refusedFilenames.add("b.txt");

		assertThatExceptionOfType(UploadcareBatchUploadException.class)
			.isThrownBy(() -> groups().uploadGroup(UploadRequest.allOf(List.of(text("a.txt"), text("b.txt"), text("c.txt")))))
			.satisfies((ex) -> {
				String a = this.api.issued.get("a.txt");
				String c = this.api.issued.get("c.txt");
				assertThat(ex.getOperation()).isEqualTo("group.create-from-uploads");
				assertThat(ex.getUploadedUuids()).containsExactly(a, c);
				assertThat(ex.getUploaded()).extracting(UploadcareBatchUploadException.Uploaded::index)
					.containsExactly(0, 2);
				assertThat(ex.getFailures()).singleElement().satisfies((failure) -> {
					assertThat(failure.index()).isEqualTo(1);
					assertThat(failure.filename()).isEqualTo("b.txt");
					assertThat(failure.cause()).isInstanceOf(UploadcareInvalidRequestException.class)
						.hasMessageContaining("File is too fishy.");
				});
				assertThat(ex.getGroupFailure()).isNull();
				assertThat(ex.getOrphans()).isEqualTo(OrphanOutcome.KEPT);
				assertThat(ex.getMessage()).contains(a, c, "b.txt", "File is too fishy.", "1 of 3 files failed");
			});
		assertThat(this.api.calls("/group/")).isEmpty();
	}

	@Test
	void aFailedGroupCreationListsEveryUploadedFile() {
		this.api.groupFails = true;

		assertThatExceptionOfType(UploadcareBatchUploadException.class)
			.isThrownBy(() -> groups().uploadGroup(UploadRequest.allOf(List.of(text("a.txt"), text("b.txt"), text("c.txt")))))
			.satisfies((ex) -> {
				List<String> uuids = List.of(this.api.issued.get("a.txt"), this.api.issued.get("b.txt"),
						this.api.issued.get("c.txt"));
				assertThat(ex.getUploadedUuids()).containsExactlyElementsOf(uuids);
				assertThat(ex.getFailures()).isEmpty();
				assertThat(ex.getGroupFailure()).isNotNull();
				assertThat(ex.getGroupFailure().getErrorCode()).isEqualTo("GroupFilesNotFoundError");
				assertThat(ex.getMessage()).contains(uuids.get(0), uuids.get(1), uuids.get(2),
						"Some files not found.");
			});
	}

	@Test
	void orphansAreDeletedWhenThePolicySaysSoAndARemoverExists() {
		this.api.groupFails = true;
		List<List<String>> deleted = new CopyOnWriteArrayList<>();

		assertThatExceptionOfType(UploadcareBatchUploadException.class)
			.isThrownBy(() -> groups(OrphanPolicy.DELETE, deleted::add)
				.uploadGroup(UploadRequest.allOf(List.of(text("a.txt"), text("b.txt")))))
			.satisfies((ex) -> {
				assertThat(ex.getOrphans()).isEqualTo(OrphanOutcome.DELETED);
				assertThat(deleted).containsExactly(ex.getUploadedUuids());
			});
	}

	@Test
	void orphansAreKeptWithoutARemoverOrWhenDeletingFails() {
		this.api.refusedFilenames.add("b.txt");
		assertThatExceptionOfType(UploadcareBatchUploadException.class)
			.isThrownBy(() -> groups(OrphanPolicy.DELETE, null).uploadGroup(UploadRequest.allOf(List.of(text("a.txt"), text("b.txt")))))
			.satisfies((ex) -> assertThat(ex.getOrphans()).isEqualTo(OrphanOutcome.KEPT));
		assertThatExceptionOfType(UploadcareBatchUploadException.class)
			.isThrownBy(() -> groups(OrphanPolicy.DELETE, (uuids) -> {
				throw new IllegalStateException("REST down");
			}).uploadGroup(UploadRequest.allOf(List.of(text("c.txt"), text("b.txt")))))
			.satisfies((ex) -> {
				assertThat(ex.getOrphans()).isEqualTo(OrphanOutcome.DELETE_FAILED);
				assertThat(ex.getMessage()).contains("could not be deleted", this.api.issued.get("c.txt"));
			});
		List<List<String>> deleted = new CopyOnWriteArrayList<>();
		assertThatExceptionOfType(UploadcareBatchUploadException.class)
			.isThrownBy(() -> groups(OrphanPolicy.KEEP, deleted::add).uploadGroup(UploadRequest.allOf(List.of(text("b.txt"), text("d.txt")))));
		assertThat(deleted).isEmpty();
	}

	@Test
	void everythingIsCheckedBeforeAnyUpload() {
		DefaultGroupService groups = groups();
		assertThatIllegalArgumentException().isThrownBy(() -> groups.uploadGroup(UploadRequest.allOf(List.of())));
		List<UploadSource> tooMany = new ArrayList<>();
		for (int i = 0; i < 1001; i++) {
			tooMany.add(text("f" + i));
		}
		assertThatIllegalArgumentException().isThrownBy(() -> groups.uploadGroup(UploadRequest.allOf(tooMany)))
			.withMessageContaining("1000");
		List<UploadSource> withNull = new ArrayList<>(List.of(text("a.txt")));
		withNull.add(null);
		assertThatIllegalArgumentException().isThrownBy(() -> groups.uploadGroup(UploadRequest.allOf(withNull)))
			.withMessageContaining("[1]");
		UploadSource unknownSize = new UploadSource() {
			@Override
			public String filename() {
				return "mystery.bin";
			}

			@Override
			public String contentType() {
				return "application/octet-stream";
			}

			@Override
			public long size() {
				return -1;
			}

			@Override
			public java.io.InputStream open(long offset, long length) {
				throw new AssertionError("must not be read");
			}
		};
		assertThatIllegalArgumentException()
			.isThrownBy(() -> groups.uploadGroup(UploadRequest.allOf(List.of(text("a.txt"), unknownSize))))
			.withMessageContaining("mystery.bin");
		assertThat(this.api.calls).isEmpty();
	}

	@Test
	void groupUploadsNeedAnUploadService() {
		assertThatNullPointerException()
			.isThrownBy(() -> new GroupUploads(null, OrphanPolicy.KEEP, null, ObservationRegistry.NOOP, null))
			.withMessageContaining("uploadService");
	}

	@Test
	void interruptingTheCallerCancelsPendingUploads() throws Exception {
		// a.txt is held by the server; b.txt is answered at once.
		this.api.heldFilenames.add("a.txt");
		AtomicReference<Throwable> thrown = new AtomicReference<>();
		AtomicBoolean flagRestored = new AtomicBoolean();
		Thread caller = new Thread(() -> {
			try {
				groups().uploadGroup(UploadRequest.allOf(List.of(text("a.txt"), text("b.txt"))));
			}
			catch (Throwable ex) {
				thrown.set(ex);
				flagRestored.set(Thread.currentThread().isInterrupted());
			}
		});
		caller.start();
		for (int i = 0; i < 500 && (this.api.calls("/base/").size() < 2 || !this.api.issued.containsKey("b.txt")); i++) {
			Thread.sleep(10);
		}
		caller.interrupt();
		caller.join(10_000);
		assertThat(caller.isAlive()).isFalse();
		assertThat(thrown.get()).isInstanceOfSatisfying(UploadcareBatchUploadException.class, (ex) -> {
			assertThat(ex.getFailures()).extracting(UploadcareBatchUploadException.Failure::index).contains(0);
			assertThat(ex.getFailures()).extracting(UploadcareBatchUploadException.Failure::filename)
				.contains("a.txt");
		});
		assertThat(flagRestored).isTrue();
		assertThat(this.api.calls("/group/")).isEmpty();
	}

}
