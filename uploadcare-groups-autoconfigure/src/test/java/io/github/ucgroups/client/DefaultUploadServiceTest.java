package io.github.ucgroups.client;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.github.ucgroups.StoreMode;
import io.github.ucgroups.UploadOptions;
import io.github.ucgroups.UploadProgressListener;
import io.github.ucgroups.UploadSource;
import io.github.ucgroups.UploadcareFromUrlException;
import io.github.ucgroups.UploadcareMultipartUploadException;
import io.github.ucgroups.UploadcarePartUploadException;
import io.github.ucgroups.UploadedFile;
import io.github.ucgroups.observation.UploadcareObservationContext;
import io.github.ucgroups.signing.JwtUploadSigner;
import io.github.ucgroups.signing.SignatureUploadSigner;
import io.github.ucgroups.signing.UploadSigner;
import io.github.ucgroups.testsupport.TestTransports;

import static io.github.ucgroups.client.UploadTestSupport.MIB;
import static io.github.ucgroups.testsupport.TestKeys.PUBLIC_KEY;
import static io.github.ucgroups.testsupport.TestKeys.SECRET_KEY;
import static io.github.ucgroups.client.UploadTestSupport.content;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class DefaultUploadServiceTest {

	private static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(1_700_000_000L), ZoneOffset.UTC);

	@StartStop
	private final MockWebServer server = new MockWebServer();

	private final FakeUploadApi api = FakeUploadApi.on(this.server);

	private DefaultUploadService service;

	@AfterEach
	void stop() {
		if (this.service != null) {
			this.service.close();
		}
	}

	private DefaultUploadService service(UploadSigner signer, int partConcurrency, int maxAttempts,
			ObservationRegistry registry) {
		this.service = new DefaultUploadService(TestTransports.to(this.server, maxAttempts, registry), signer,
				PUBLIC_KEY, UploadTestSupport.settings(partConcurrency, 4, Duration.ofSeconds(5)));
		return this.service;
	}

	private DefaultUploadService service() {
		return service(UploadSigner.NONE, 4, 3, ObservationRegistry.NOOP);
	}

	private static String hmac(String expire) throws Exception {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(SECRET_KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		return HexFormat.of().formatHex(mac.doFinal(expire.getBytes(StandardCharsets.UTF_8)));
	}

	// ---- /base/ -------------------------------------------------------------------------

	@Test
	void directUploadSendsTheExactBaseForm() {
		byte[] bytes = "hello, uploadcare".getBytes(StandardCharsets.UTF_8);
		UploadedFile file = service().upload(UploadSource.of(bytes, "hello.txt", "text/plain"),
				UploadOptions.defaults().withStore(StoreMode.TRUE).withMetadata("subsystem", "tests")
					.withMetadata("pet", "cat"));

		List<FakeUploadApi.Call> calls = this.api.calls("/base/");
		assertThat(calls).hasSize(1);
		FakeUploadApi.Call call = calls.get(0);
		assertThat(call.method()).isEqualTo("POST");
		assertThat(call.target()).isEqualTo("/base/?jsonerrors=1");
		assertThat(UploadFormParts.names(call.form())).containsExactly("UPLOADCARE_PUB_KEY", "UPLOADCARE_STORE",
				"metadata[subsystem]", "metadata[pet]", "file");
		assertThat(UploadFormParts.value(call.form(), "UPLOADCARE_PUB_KEY")).isEqualTo(PUBLIC_KEY);
		assertThat(UploadFormParts.value(call.form(), "UPLOADCARE_STORE")).isEqualTo("1");
		assertThat(UploadFormParts.value(call.form(), "metadata[subsystem]")).isEqualTo("tests");
		assertThat(UploadFormParts.value(call.form(), "metadata[pet]")).isEqualTo("cat");
		UploadFormParts.Part part = UploadFormParts.part(call.form(), "file");
		assertThat(part.filename()).isEqualTo("hello.txt");
		assertThat(part.contentType()).isEqualTo("text/plain");
		assertThat(part.content()).isEqualTo(bytes);
		assertThat(call.header("Authorization")).isNull();
		assertThat(file).isEqualTo(new UploadedFile(FakeUploadApi.uuid(1), "hello.txt", bytes.length, "text/plain"));
	}

	@Test
	void directUploadUsesTheConfiguredStoreModeAndIsSignedWhenASecretKeyIsSet() throws Exception {
		service(new SignatureUploadSigner(SECRET_KEY, Duration.ofMinutes(30), CLOCK), 4, 3, ObservationRegistry.NOOP)
			.upload(UploadSource.of(new byte[] { 1, 2, 3 }, "a.bin", "application/octet-stream"));

		FakeUploadApi.Call call = this.api.calls("/base/").get(0);
		List<String> names = UploadFormParts.names(call.form());
		assertThat(names.subList(0, 2)).containsExactly("UPLOADCARE_PUB_KEY", "UPLOADCARE_STORE");
		assertThat(names.subList(2, 4)).containsExactlyInAnyOrder("signature", "expire");
		assertThat(names.get(4)).isEqualTo("file");
		assertThat(UploadFormParts.value(call.form(), "UPLOADCARE_STORE")).isEqualTo("auto");
		String expire = UploadFormParts.value(call.form(), "expire");
		assertThat(Long.parseLong(expire)).isGreaterThan(CLOCK.instant().getEpochSecond());
		assertThat(UploadFormParts.value(call.form(), "signature")).isEqualTo(hmac(expire));
	}

	@Test
	void metadataIsCheckedBeforeAnythingIsSent() {
		assertThatIllegalArgumentException().isThrownBy(() -> UploadOptions.defaults().withMetadata("k", ""));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> UploadOptions.defaults().withMetadata("k", "x".repeat(513)));
		assertThatIllegalArgumentException().isThrownBy(() -> UploadOptions.defaults().withMetadata("bad key", "v"));
		UploadOptions fifty = UploadOptions.defaults();
		for (int i = 0; i < 50; i++) {
			fifty = fifty.withMetadata("k" + i, "v");
		}
		UploadOptions full = fifty;
		assertThat(full.withMetadata("k0", "replaced").metadata()).hasSize(50);
		assertThatIllegalArgumentException().isThrownBy(() -> full.withMetadata("k50", "v"))
			.withMessageContaining("50");
		assertThat(UploadOptions.defaults().withMetadata("k", "x".repeat(512)).metadata()).containsKey("k");
		assertThat(this.api.calls).isEmpty();
	}

	// ---- threshold ----------------------------------------------------------------------

	@Test
	void exactlyTenMebibytesGoesMultipart() {
		byte[] bytes = content(10 * MIB, 1);
		UploadedFile file = service().upload(UploadSource.of(bytes, "ten.bin", "application/octet-stream"));

		assertThat(this.api.calls("/base/")).isEmpty();
		assertThat(this.api.calls("/multipart/start/")).hasSize(1);
		assertThat(this.api.partCalls()).hasSize(2);
		assertThat(this.api.calls("/multipart/complete/")).hasSize(1);
		assertThat(this.api.assembled(file.uuid())).isEqualTo(bytes);
		assertThat(file.size()).isEqualTo(10L * MIB);
	}

	@Test
	void oneByteBelowTenMebibytesGoesDirect() {
		byte[] bytes = content(10 * MIB - 1, 2);
		service().upload(UploadSource.of(bytes, "almost.bin", "application/octet-stream"));

		assertThat(this.api.calls("/multipart/start/")).isEmpty();
		List<FakeUploadApi.Call> calls = this.api.calls("/base/");
		assertThat(calls).hasSize(1);
		assertThat(UploadFormParts.part(calls.get(0).form(), "file").content()).isEqualTo(bytes);
	}

	// ---- multipart ----------------------------------------------------------------------

	@Test
	void multipartSendsTheExactStartAndCompleteFormsSigned() throws Exception {
		byte[] bytes = content(12 * MIB + 7, 3);
		UploadedFile file = service(new SignatureUploadSigner(SECRET_KEY, Duration.ofMinutes(30), CLOCK), 4, 3,
				ObservationRegistry.NOOP)
			.upload(UploadSource.of(bytes, "video.mp4", "video/mp4"),
					UploadOptions.defaults().withStore(StoreMode.FALSE).withMetadata("kind", "clip"));

		FakeUploadApi.Call start = this.api.calls("/multipart/start/").get(0);
		assertThat(start.target()).isEqualTo("/multipart/start/?jsonerrors=1");
		List<String> names = UploadFormParts.names(start.form());
		assertThat(names.subList(0, 7)).containsExactly("UPLOADCARE_PUB_KEY", "UPLOADCARE_STORE", "filename", "size",
				"content_type", "part_size", "metadata[kind]");
		assertThat(names.subList(7, names.size())).containsExactlyInAnyOrder("signature", "expire");
		assertThat(UploadFormParts.value(start.form(), "UPLOADCARE_PUB_KEY")).isEqualTo(PUBLIC_KEY);
		assertThat(UploadFormParts.value(start.form(), "UPLOADCARE_STORE")).isEqualTo("0");
		assertThat(UploadFormParts.value(start.form(), "filename")).isEqualTo("video.mp4");
		assertThat(UploadFormParts.value(start.form(), "size")).isEqualTo(Long.toString(12L * MIB + 7));
		assertThat(UploadFormParts.value(start.form(), "content_type")).isEqualTo("video/mp4");
		assertThat(UploadFormParts.value(start.form(), "part_size")).isEqualTo("5242880");
		assertThat(UploadFormParts.value(start.form(), "metadata[kind]")).isEqualTo("clip");
		String expire = UploadFormParts.value(start.form(), "expire");
		assertThat(UploadFormParts.value(start.form(), "signature")).isEqualTo(hmac(expire));

		List<FakeUploadApi.Call> parts = this.api.partCalls();
		assertThat(parts).hasSize(3).allSatisfy((part) -> {
			assertThat(part.method()).isEqualTo("PUT");
			assertThat(part.header("Content-Type")).isEqualTo("video/mp4");
			assertThat(part.target()).contains("X-Amz-Signature=ab%2Fcd");
			// Presigned storage URLs want a known length and no credentials of ours.
			assertThat(part.header("Content-Length")).isEqualTo(Integer.toString(part.body().length));
			assertThat(part.header("Transfer-Encoding")).isNull();
			assertThat(part.header("Authorization")).isNull();
		});
		assertThat(parts.stream().mapToLong((part) -> part.body().length).sorted().toArray())
			.containsExactly(2L * MIB + 7, 5L * MIB, 5L * MIB);

		FakeUploadApi.Call complete = this.api.calls("/multipart/complete/").get(0);
		assertThat(UploadFormParts.names(complete.form())).containsExactly("UPLOADCARE_PUB_KEY", "uuid");
		assertThat(UploadFormParts.value(complete.form(), "uuid")).isEqualTo(file.uuid());
		assertThat(this.api.calls.get(this.api.calls.size() - 1).path()).isEqualTo("/multipart/complete/");
		assertThat(this.api.assembled(file.uuid())).isEqualTo(bytes);
	}

	@Test
	void jwtSigningSendsABearerTokenToUploadcareButNotToStorage() {
		this.api.fromUrlStatuses.add("{\"status\":\"success\",\"uuid\":\"" + FakeUploadApi.uuid(9) + "\"}");
		DefaultUploadService uploads = service(new JwtUploadSigner(SECRET_KEY, Duration.ofMinutes(30), CLOCK), 4, 3,
				ObservationRegistry.NOOP);
		uploads.upload(UploadSource.of(new byte[] { 1 }, "s.bin", "text/plain"));
		uploads.upload(UploadSource.of(content(11 * MIB, 8), "m.bin", "application/octet-stream"));
		uploads.uploadFromUrl(URI.create("https://example.com/x.png"));

		for (String path : List.of("/base/", "/multipart/start/", "/from_url/")) {
			assertThat(this.api.calls(path).get(0).header("Authorization")).as(path).startsWith("Bearer ");
			assertThat(UploadFormParts.names(this.api.calls(path).get(0).form())).as(path)
				.doesNotContain("signature", "expire");
		}
		assertThat(this.api.partCalls()).hasSize(3).allSatisfy((call) -> assertThat(call.header("Authorization")).isNull());
	}

	@Test
	void jwtMultipartTokensHaveTheMultipartScopeAndAlsoAuthorizeTheComplete() {
		service(new JwtUploadSigner(SECRET_KEY, Duration.ofMinutes(30), CLOCK), 4, 3, ObservationRegistry.NOOP)
			.upload(UploadSource.of(content(11 * MIB, 8), "m.bin", "application/octet-stream"));

		for (String path : List.of("/multipart/start/", "/multipart/complete/")) {
			String authorization = this.api.calls(path).get(0).header("Authorization");
			assertThat(authorization).as(path).startsWith("Bearer ");
			String payload = new String(java.util.Base64.getUrlDecoder().decode(authorization.split("\\.")[1]),
					StandardCharsets.UTF_8);
			assertThat(tools.jackson.databind.json.JsonMapper.builder().build().readTree(payload)
				.path("uc").path("restrictions").path("scope").toString()).as(path).isEqualTo("[\"/multipart/*\"]");
		}
	}

	@Test
	void aRetriedCompleteAnsweredAlreadyUploadedIsSuccessOnceInfoConfirmsIt() {
		this.api.completeAnswersLost.set(1);
		byte[] bytes = content(11 * MIB, 4);

		UploadedFile file = service().upload(UploadSource.of(bytes, "big.bin", "application/octet-stream"));

		assertThat(this.api.calls("/multipart/complete/")).hasSize(2);
		assertThat(this.api.calls("/info/")).singleElement()
			.satisfies((info) -> assertThat(info.target()).contains("file_id=" + file.uuid()));
		assertThat(this.api.assembled(file.uuid())).isEqualTo(bytes);
	}

	@Test
	void anAlreadyUploadedAnswerThatInfoDoesNotConfirmFailsNamingTheUuid() {
		this.api.completeAnswersLost.set(1);
		this.api.infoFindsNothing = true;

		assertThatExceptionOfType(UploadcareMultipartUploadException.class)
			.isThrownBy(() -> service().upload(UploadSource.of(content(11 * MIB, 4), "big.bin", "text/plain")))
			.satisfies((ex) -> {
				String uuid = UploadFormParts.value(this.api.calls("/multipart/complete/").get(0).form(), "uuid");
				assertThat(ex.getUuid()).isEqualTo(uuid);
				assertThat(ex.getStatus()).isEqualTo(404);
				assertThat(ex.getMessage()).contains(uuid).contains("possibly stored").contains("File is not found.");
			});
	}

	@Test
	void partsGoInParallelAndMayArriveOutOfOrder() {
		// Part 1 is held until part 3 has arrived: only parallel uploads can get past that.
		this.api.heldParts = (number) -> number == 1;
		this.api.gateOpenedBy = 3;
		byte[] bytes = content(23 * MIB, 4);
		List<long[]> progress = new CopyOnWriteArrayList<>();
		UploadedFile file = service().upload(UploadSource.of(bytes, "big.bin", "application/octet-stream"),
				UploadOptions.defaults().withProgressListener(new UploadProgressListener() {
					@Override
					public void onFileProgress(int index, UploadSource source, long done, long total) {
						progress.add(new long[] { done, total });
					}
				}));

		List<Integer> arrivals = new ArrayList<>(this.api.partArrivals);
		assertThat(arrivals).containsExactlyInAnyOrder(1, 2, 3, 4, 5);
		assertThat(arrivals.indexOf(3)).isLessThan(arrivals.indexOf(1));
		List<Integer> sorted = new ArrayList<>(arrivals);
		Collections.sort(sorted);
		assertThat(arrivals).isNotEqualTo(sorted);
		assertThat(this.api.assembled(file.uuid())).isEqualTo(bytes);
		assertThat(progress).hasSize(5);
		assertThat(progress.stream().mapToLong((p) -> p[0]).max().getAsLong()).isEqualTo(23L * MIB);
	}

	@Test
	void aPartThatFailsOnceIsRetriedOnItsOwn() {
		this.api.partFailures.put(2, new ArrayDeque<>(List.of(503)));
		byte[] bytes = content(14 * MIB, 5);
		UploadedFile file = service().upload(UploadSource.of(bytes, "retry.bin", "application/octet-stream"));

		assertThat(this.api.partCalls().stream().filter((call) -> call.path().endsWith("/2"))).hasSize(2);
		assertThat(this.api.partCalls().stream().filter((call) -> call.path().endsWith("/1"))).hasSize(1);
		assertThat(this.api.partCalls().stream().filter((call) -> call.path().endsWith("/3"))).hasSize(1);
		assertThat(this.api.calls("/multipart/complete/")).hasSize(1);
		assertThat(this.api.assembled(file.uuid())).isEqualTo(bytes);
	}

	@Test
	void aPartFailingForGoodStopsTheUploadWithoutCompletingIt() {
		this.api.partsFailingForGood.add(2);
		byte[] bytes = content(14 * MIB, 6);
		DefaultUploadService uploads = service();

		assertThatExceptionOfType(UploadcarePartUploadException.class)
			.isThrownBy(() -> uploads.upload(UploadSource.of(bytes, "doomed.bin", "application/octet-stream")))
			.satisfies((ex) -> {
				assertThat(ex.getPartNumber()).isEqualTo(2);
				assertThat(ex.getPartCount()).isEqualTo(3);
				assertThat(ex.getStatus()).isEqualTo(503);
				assertThat(ex.getOperation()).isEqualTo("file.upload.part");
				assertThat(ex.getUuid()).isEqualTo(FakeUploadApi.uuid(1));
				assertThat(ex.getMessage()).contains("part 2 of 3", "doomed.bin", "bytes 5242880-10485759");
			});
		assertThat(this.api.partCalls().stream().filter((call) -> call.path().endsWith("/2"))).hasSize(3);
		assertThat(this.api.calls("/multipart/complete/")).isEmpty();
	}

	@Test
	void everyRequestIsObservedWithItsOperationName() {
		ObservationRegistry registry = ObservationRegistry.create();
		List<String> operations = new CopyOnWriteArrayList<>();
		registry.observationConfig().observationHandler(new ObservationHandler<Observation.Context>() {
			@Override
			public boolean supportsContext(Observation.Context context) {
				return true;
			}

			@Override
			public void onStop(Observation.Context context) {
				if (context instanceof UploadcareObservationContext uploadcare) {
					operations.add(uploadcare.getOperation());
				}
			}
		});
		DefaultUploadService uploads = service(UploadSigner.NONE, 4, 3, registry);
		uploads.upload(UploadSource.of(content(11 * MIB, 7), "o.bin", "application/octet-stream"));
		uploads.upload(UploadSource.of(new byte[] { 1 }, "s.bin", "text/plain"));

		assertThat(operations).containsOnly("file.multipart.start", "file.upload.part", "file.multipart.complete",
				"file.upload");
		assertThat(operations.stream().filter("file.upload.part"::equals)).hasSize(3);
	}

	// ---- from URL -----------------------------------------------------------------------

	@Test
	void fromUrlPollsUntilSuccess() {
		this.api.fromUrlStatuses.addAll(List.of("{\"status\":\"waiting\"}",
				"{\"status\":\"progress\",\"done\":10,\"total\":100}",
				"{\"status\":\"success\",\"uuid\":\"" + FakeUploadApi.uuid(9)
						+ "\",\"original_filename\":\"cat.jpg\",\"size\":100,\"mime_type\":\"image/jpeg\"}"));
		List<long[]> progress = new CopyOnWriteArrayList<>();
		UploadedFile file = service().uploadFromUrl(URI.create("https://example.com/cat.jpg"),
				UploadOptions.defaults().withProgressListener(new UploadProgressListener() {
					@Override
					public void onBatchProgress(long done, long total) {
						progress.add(new long[] { done, total });
					}
				}));

		assertThat(file).isEqualTo(new UploadedFile(FakeUploadApi.uuid(9), "cat.jpg", 100, "image/jpeg"));
		FakeUploadApi.Call start = this.api.calls("/from_url/").get(0);
		assertThat(UploadFormParts.names(start.form())).containsExactly("pub_key", "source_url", "store");
		assertThat(UploadFormParts.value(start.form(), "source_url")).isEqualTo("https://example.com/cat.jpg");
		assertThat(UploadFormParts.value(start.form(), "store")).isEqualTo("auto");
		List<FakeUploadApi.Call> polls = this.api.calls("/from_url/status/");
		assertThat(polls).hasSize(3).allSatisfy((poll) -> {
			assertThat(poll.method()).isEqualTo("GET");
			assertThat(poll.target()).contains("token=tok-1").contains("jsonerrors=1");
		});
		assertThat(progress).hasSize(1);
		assertThat(progress.get(0)).containsExactly(10, 100);
	}

	@Test
	void fromUrlSignsTheRequest() throws Exception {
		this.api.fromUrlStatuses.add("{\"status\":\"success\",\"uuid\":\"" + FakeUploadApi.uuid(9) + "\"}");
		service(new SignatureUploadSigner(SECRET_KEY, Duration.ofMinutes(30), CLOCK), 4, 3, ObservationRegistry.NOOP)
			.uploadFromUrl(URI.create("https://example.com/a/b.png"));

		FakeUploadApi.Call start = this.api.calls("/from_url/").get(0);
		assertThat(UploadFormParts.names(start.form()).subList(3, 5)).containsExactlyInAnyOrder("signature", "expire");
		assertThat(UploadFormParts.value(start.form(), "signature"))
			.isEqualTo(hmac(UploadFormParts.value(start.form(), "expire")));
	}

	@Test
	void fromUrlErrorIsReportedWithUploadcaresMessageAndCode() {
		this.api.fromUrlStatuses.addAll(List.of("{\"status\":\"waiting\"}",
				"{\"status\":\"error\",\"error\":\"Host does not exist.\",\"error_code\":\"DownloadFileHostNameError\"}"));

		assertThatExceptionOfType(UploadcareFromUrlException.class)
			.isThrownBy(() -> service().uploadFromUrl(URI.create("https://nowhere.invalid/x")))
			.satisfies((ex) -> {
				assertThat(ex.getReason()).isEqualTo(UploadcareFromUrlException.Reason.ERROR);
				assertThat(ex.getErrorCode()).isEqualTo("DownloadFileHostNameError");
				assertThat(ex.getToken()).isEqualTo("tok-1");
				assertThat(ex.getMessage()).contains("Host does not exist.");
			});
	}

	@Test
	void fromUrlFailedIsTerminalLikeError() {
		this.api.fromUrlStatuses.addAll(List.of("{\"status\":\"waiting\"}",
				"{\"status\":\"failed\",\"error\":\"Downloading failed.\",\"error_code\":\"DownloadFileError\"}",
				"{\"status\":\"waiting\"}"));
		this.service = new DefaultUploadService(TestTransports.to(this.server, 1, ObservationRegistry.NOOP),
				UploadSigner.NONE, PUBLIC_KEY, UploadTestSupport.settings(4, 4, Duration.ofSeconds(30)));
		long started = System.nanoTime();

		assertThatExceptionOfType(UploadcareFromUrlException.class)
			.isThrownBy(() -> this.service.uploadFromUrl(URI.create("https://example.com/x")))
			.satisfies((ex) -> {
				assertThat(ex.getReason()).isEqualTo(UploadcareFromUrlException.Reason.ERROR);
				assertThat(ex.isTimeout()).isFalse();
				assertThat(ex.getErrorCode()).isEqualTo("DownloadFileError");
				assertThat(ex.getMessage()).contains("Downloading failed.").contains("failed");
			});
		// at once: no polling on towards the 30 s time-out
		assertThat(this.api.calls("/from_url/status/")).hasSize(2);
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
	}

	@Test
	void fromUrlUnknownTokenIsReported() {
		this.api.fromUrlStatuses.add("{\"status\":\"unknown\"}");

		assertThatExceptionOfType(UploadcareFromUrlException.class)
			.isThrownBy(() -> service().uploadFromUrl(URI.create("https://example.com/x")))
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(UploadcareFromUrlException.Reason.UNKNOWN));
	}

	@Test
	void fromUrlPollingIsBoundedByTheTimeout() {
		this.service = new DefaultUploadService(TestTransports.to(this.server, 1, ObservationRegistry.NOOP),
				UploadSigner.NONE, PUBLIC_KEY, UploadTestSupport.settings(4, 4, Duration.ofMillis(200)));
		// The status stays "waiting" for ever.
		assertThatExceptionOfType(UploadcareFromUrlException.class)
			.isThrownBy(() -> this.service.uploadFromUrl(URI.create("https://example.com/slow")))
			.satisfies((ex) -> {
				assertThat(ex.isTimeout()).isTrue();
				assertThat(ex.getMessage()).contains("tok-1");
			});
		assertThat(this.api.calls("/from_url/status/")).isNotEmpty();
	}

	@Test
	void fromUrlWaitingHonoursInterruption() throws Exception {
		// The status stays "waiting"; polls are 2 s apart, so the interruption lands while the
		// service waits between polls (the JDK HTTP client may absorb one landing inside its I/O).
		DefaultUploadService uploads = new DefaultUploadService(
				TestTransports.to(this.server, 3, ObservationRegistry.NOOP), UploadSigner.NONE, PUBLIC_KEY,
				new UploadSettings(10L * MIB, 5L * MIB, 4, 4, StoreMode.AUTO, Duration.ofSeconds(30),
						Duration.ofMillis(1500), Duration.ofSeconds(2)));
		this.service = uploads;
		AtomicReference<Throwable> thrown = new AtomicReference<>();
		AtomicBoolean flagRestored = new AtomicBoolean();
		Thread caller = new Thread(() -> {
			try {
				uploads.uploadFromUrl(URI.create("https://example.com/x"));
			}
			catch (Throwable ex) {
				thrown.set(ex);
				flagRestored.set(Thread.currentThread().isInterrupted());
			}
		});
		caller.start();
		for (int i = 0; i < 500 && this.api.calls("/from_url/status/").isEmpty(); i++) {
			Thread.sleep(10);
		}
		assertThat(this.api.calls("/from_url/status/")).isNotEmpty();
		Thread.sleep(300); // let the answer to that poll arrive: the service then waits for the next
		caller.interrupt();
		caller.join(10_000);
		assertThat(caller.isAlive()).isFalse();
		assertThat(thrown.get()).isInstanceOfSatisfying(UploadcareFromUrlException.class,
				(ex) -> assertThat(ex.getReason()).isEqualTo(UploadcareFromUrlException.Reason.INTERRUPTED));
		assertThat(flagRestored).isTrue();
	}

	@Test
	void fromUrlRefusesUrlsThatAreNotAbsoluteHttp() {
		assertThatIllegalArgumentException().isThrownBy(() -> service().uploadFromUrl(URI.create("/relative")));
		assertThatIllegalArgumentException().isThrownBy(() -> service().uploadFromUrl(URI.create("file:///etc/passwd")));
		assertThat(this.api.calls).isEmpty();
	}

}
