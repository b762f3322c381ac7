package io.github.ucgroups.client;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;

import io.micrometer.observation.ObservationRegistry;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.ucgroups.UploadSource;
import io.github.ucgroups.UploadedFile;
import io.github.ucgroups.signing.UploadSigner;
import io.github.ucgroups.testsupport.TestTransports;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.InputStreamResource;
import org.springframework.mock.web.MockMultipartFile;

import static io.github.ucgroups.client.UploadTestSupport.MIB;
import static io.github.ucgroups.testsupport.TestKeys.PUBLIC_KEY;
import static io.github.ucgroups.client.UploadTestSupport.content;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** Every kind of source, sent direct and in parts; and a 64 MiB file read part by part. */
class UploadSourcesWireTest {

	@TempDir
	Path dir;

	@StartStop
	private final MockWebServer server = new MockWebServer();

	private final FakeUploadApi api = FakeUploadApi.on(this.server);

	private DefaultUploadService service;

	@BeforeEach
	void start() throws Exception {
		this.service = new DefaultUploadService(TestTransports.to(this.server, 3, ObservationRegistry.NOOP),
				UploadSigner.NONE, PUBLIC_KEY, UploadTestSupport.settings(4, 4, Duration.ofSeconds(5)));
	}

	@AfterEach
	void stop() {
		this.service.close();
	}

	private UploadFormParts.Part lastBaseFile() {
		List<FakeUploadApi.Call> calls = this.api.calls("/base/");
		return UploadFormParts.part(calls.get(calls.size() - 1).form(), "file");
	}

	private void assertDirect(UploadSource source, byte[] expected, String filename, String contentType) {
		UploadedFile file = this.service.upload(source);
		UploadFormParts.Part part = lastBaseFile();
		assertThat(part.content()).isEqualTo(expected);
		assertThat(part.filename()).isEqualTo(filename);
		assertThat(part.contentType()).isEqualTo(contentType);
		assertThat(file.originalFilename()).isEqualTo(filename);
		assertThat(file.mimeType()).isEqualTo(contentType);
		assertThat(file.size()).isEqualTo(expected.length);
	}

	@Test
	void everySourceKindUploadsDirect() throws IOException {
		byte[] bytes = content(3000, 11);
		Path png = Files.write(this.dir.resolve("logo.png"), bytes);

		assertDirect(UploadSource.of(png), bytes, "logo.png", "image/png");
		assertDirect(UploadSource.of(png, "image/x-custom"), bytes, "logo.png", "image/x-custom");
		assertDirect(UploadSource.of(new FileSystemResource(png)), bytes, "logo.png", "image/png");
		assertDirect(UploadSource.of(new ByteArrayResource(bytes), "data.bin", "application/octet-stream"), bytes,
				"data.bin", "application/octet-stream");
		assertDirect(UploadSource.of(new InputStreamResource(new ByteArrayInputStream(bytes)) {
			@Override
			public long contentLength() {
				return bytes.length;
			}

			@Override
			public String getFilename() {
				return "stream.txt";
			}
		}), bytes, "stream.txt", "text/plain");
		assertDirect(UploadSource.of(new MockMultipartFile("upload", "C:\\Users\\me\\photo.jpg", "image/jpeg", bytes)),
				bytes, "photo.jpg", "image/jpeg");
		assertDirect(UploadSource.of(bytes, "raw.bin", "application/pdf"), bytes, "raw.bin", "application/pdf");
		assertDirect(UploadSource.of(new ByteArrayInputStream(bytes), bytes.length, "once.bin", "text/csv"), bytes,
				"once.bin", "text/csv");
	}

	@Test
	void oneShotStreamAndMultipartFileUploadInParts() {
		byte[] bytes = content(12 * MIB + 3, 12);
		UploadedFile fromStream = this.service
			.upload(UploadSource.of(new ByteArrayInputStream(bytes), bytes.length, "stream.bin", "video/webm"));
		assertThat(this.api.assembled(fromStream.uuid())).isEqualTo(bytes);

		UploadedFile fromMultipartFile = this.service
			.upload(UploadSource.of(new MockMultipartFile("f", "movie.webm", "video/webm", bytes)));
		assertThat(this.api.assembled(fromMultipartFile.uuid())).isEqualTo(bytes);
		assertThat(this.api.calls("/multipart/complete/")).hasSize(2);
	}

	@Test
	void aOneShotPartFailingOnceIsRetriedFromItsBuffer() {
		this.api.partFailures.put(2, new java.util.ArrayDeque<>(List.of(500)));
		byte[] bytes = content(11 * MIB, 13);
		UploadedFile file = this.service
			.upload(UploadSource.of(new ByteArrayInputStream(bytes), bytes.length, "s.bin", "application/octet-stream"));
		assertThat(this.api.assembled(file.uuid())).isEqualTo(bytes);
	}

	@Test
	void aOneShotStreamIsBufferedAtMostPartConcurrencyPartsAhead() {
		this.service.close();
		this.service = new DefaultUploadService(TestTransports.to(this.server, 3, ObservationRegistry.NOOP),
				UploadSigner.NONE, PUBLIC_KEY, UploadTestSupport.settings(2, 4, Duration.ofSeconds(5)));
		long partSize = 5L * MIB;
		byte[] bytes = content(26 * MIB, 16);
		java.util.concurrent.atomic.AtomicLong consumed = new java.util.concurrent.atomic.AtomicLong();
		InputStream counting = new ByteArrayInputStream(bytes) {
			@Override
			public synchronized int read(byte[] buffer, int off, int len) {
				int n = super.read(buffer, off, len);
				if (n > 0) {
					consumed.addAndGet(n);
				}
				return n;
			}
		};
		this.api.partCheck = (uuid, number, received) -> {
			long stored = this.api.parts.get(uuid).values().stream().mapToLong(FakeUploadApi.StoredPart::length).sum();
			// Unacknowledged parts hold the only buffers: at most 2 of them. The server's count of
			// stored parts is not the client's count of finished PUTs (on a loaded machine one more
			// part was once seen read ahead), so one part of slack; unbounded reading of this
			// 26 MiB stream would still be caught.
			if (consumed.get() - stored > 3 * partSize) {
				throw new AssertionError("read " + (consumed.get() - stored) + " bytes ahead of the server");
			}
		};

		UploadedFile file = this.service.upload(UploadSource.of(counting, bytes.length, "s.bin", "text/plain"));

		assertThat(this.api.partCheckFailures).isEmpty();
		assertThat(this.api.assembled(file.uuid())).isEqualTo(bytes);
		assertThat(this.api.parts.get(file.uuid())).hasSize(6);
	}

	@Test
	void rangesAreReadByOffset() throws IOException {
		byte[] bytes = content(100_000, 14);
		Path file = Files.write(this.dir.resolve("r.bin"), bytes);
		for (UploadSource source : List.of(UploadSource.of(file), UploadSource.of(new FileSystemResource(file)),
				UploadSource.of(new ByteArrayResource(bytes), "r.bin", "application/octet-stream"),
				UploadSource.of(new MockMultipartFile("f", "r.bin", null, bytes)),
				UploadSource.of(bytes, "r.bin", "application/octet-stream"))) {
			try (InputStream in = source.open(70_000, 20_000)) {
				assertThat(in.readAllBytes()).as(source.toString())
					.isEqualTo(Arrays.copyOfRange(bytes, 70_000, 90_000));
			}
			assertThat(source.size()).isEqualTo(bytes.length);
			assertThat(source.isRepeatable()).isTrue();
		}
	}

	@Test
	void aOneShotStreamIsReadOnceInOrder() throws IOException {
		byte[] bytes = content(1000, 15);
		UploadSource source = UploadSource.of(new ByteArrayInputStream(bytes), bytes.length, "s.bin", "text/plain");
		assertThat(source.isRepeatable()).isFalse();
		try (InputStream in = source.open(0, 100)) {
			assertThat(in.readNBytes(10)).isEqualTo(Arrays.copyOfRange(bytes, 0, 10)); // rest skipped on close
		}
		assertThatIllegalStateException().isThrownBy(() -> source.open(0, 100));
		try (InputStream in = source.open(100, 900)) {
			assertThat(in.readAllBytes()).isEqualTo(Arrays.copyOfRange(bytes, 100, 1000));
		}
	}

	@Test
	void sourcesOfUnknownSizeOrMissingFilesAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> UploadSource.of(this.dir.resolve("missing.bin")));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> UploadSource.of(new ByteArrayInputStream(new byte[1]), -1, "x", "text/plain"));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> UploadSource.of(new InputStreamResource(new ByteArrayInputStream(new byte[1]))));
		assertThatIllegalArgumentException().isThrownBy(() -> UploadSource.of(new byte[1], "x", "not a type"));
		assertThatIllegalArgumentException().isThrownBy(() -> UploadSource.of(new byte[1], " ", "text/plain"));
	}

	@Test
	void aSixtyFourMebibyteFileIsSentPartByPartReadByOffset() throws Exception {
		long size = 64L * MIB;
		Path big = this.dir.resolve("big.bin");
		Random random = new Random(64);
		byte[] chunk = new byte[MIB];
		try (OutputStream out = Files.newOutputStream(big)) {
			for (int i = 0; i < 64; i++) {
				random.nextBytes(chunk);
				out.write(chunk);
			}
		}
		UploadSource file = UploadSource.of(big);
		List<long[]> reads = new CopyOnWriteArrayList<>();
		UploadSource recording = new UploadSource() {
			@Override
			public String filename() {
				return file.filename();
			}

			@Override
			public String contentType() {
				return file.contentType();
			}

			@Override
			public long size() {
				return file.size();
			}

			@Override
			public InputStream open(long offset, long length) throws IOException {
				reads.add(new long[] { offset, length });
				return file.open(offset, length);
			}
		};
		long partSize = 5L * MIB;
		this.api.keepPartBytes = false;
		this.api.partCheck = (uuid, number, received) -> {
			long offset = (number - 1) * partSize;
			byte[] expected = new byte[(int) Math.min(partSize, size - offset)];
			try (RandomAccessFile raf = new RandomAccessFile(big.toFile(), "r")) {
				raf.seek(offset);
				raf.readFully(expected);
			}
			if (!Arrays.equals(expected, received)) {
				throw new AssertionError("bytes differ from the file's range at " + offset);
			}
		};

		UploadedFile uploaded = this.service.upload(recording);

		assertThat(this.api.calls("/base/")).isEmpty();
		assertThat(this.api.partCheckFailures).isEmpty();
		assertThat(this.api.parts.get(uploaded.uuid())).hasSize(13);
		assertThat(this.api.parts.get(uploaded.uuid()).values()).allSatisfy((part) -> assertThat(part.length())
			.isEqualTo((part.number() < 13) ? partSize : size - 12 * partSize));
		List<String> expectedReads = new ArrayList<>();
		for (int i = 0; i < 13; i++) {
			expectedReads.add((i * partSize) + "+" + Math.min(partSize, size - i * partSize));
		}
		assertThat(reads.stream().map((read) -> read[0] + "+" + read[1]).distinct().toList())
			.containsExactlyInAnyOrderElementsOf(expectedReads);
		assertThat(reads).noneMatch((read) -> read[1] > partSize);
		assertThat(this.api.calls("/multipart/complete/")).hasSize(1);
		assertThat(uploaded.size()).isEqualTo(size);
	}

}
