package io.github.ucgroups.emulator;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A multipart upload whose parts are each larger than the test JVM's heap (surefire runs this
 * module with {@code -Xmx128m}): it only passes if the emulator streams part bodies to disk and
 * streams them back from the CDN.
 */
class LargeFileStreamingTest {

	static final long PART_SIZE = 160L * 1024 * 1024;

	static final long SIZE = 2 * PART_SIZE + 12345;

	@Test
	@Timeout(120)
	void partsLargerThanTheHeapAreStreamedInAndOut() throws Exception {
		assertThat(Runtime.getRuntime().maxMemory()).as("run with -Xmx128m").isLessThan(PART_SIZE);
		try (UploadcareEmulator uc = UploadcareEmulator.start()) {
			HttpResponse<String> started = Http.post(Http.uri(uc.uploadUrl(), "/multipart/start/"),
					new Http.Multipart().field("UPLOADCARE_PUB_KEY", "demopublickey")
						.field("filename", "huge.bin")
						.field("size", Long.toString(SIZE))
						.field("content_type", "application/octet-stream")
						.field("part_size", Long.toString(PART_SIZE)));
			assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
			JsonNode body = Http.json(started);
			List<CompletableFuture<HttpResponse<Void>>> puts = new ArrayList<>();
			for (int i = 0; i < body.get("parts").size(); i++) {
				long offset = i * PART_SIZE;
				long length = Math.min(PART_SIZE, SIZE - offset);
				HttpRequest put = HttpRequest.newBuilder(URI.create(body.get("parts").get(i).asString()))
					.timeout(Duration.ofSeconds(90))
					.header("Content-Type", "application/octet-stream")
					.PUT(HttpRequest.BodyPublishers.fromPublisher(
							HttpRequest.BodyPublishers.ofInputStream(() -> new PatternStream(offset, length)), length))
					.build();
				puts.add(Http.CLIENT.sendAsync(put, HttpResponse.BodyHandlers.discarding()));
			}
			for (CompletableFuture<HttpResponse<Void>> put : puts) {
				assertThat(put.get(90, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
			}
			HttpResponse<String> completed = Http.post(Http.uri(uc.uploadUrl(), "/multipart/complete/"),
					new Http.Multipart().field("UPLOADCARE_PUB_KEY", "demopublickey")
						.field("uuid", body.get("uuid").asString()));
			assertThat(completed.statusCode()).as(completed.body()).isEqualTo(200);
			assertThat(Http.json(completed).get("size").asLong()).isEqualTo(SIZE);

			HttpResponse<InputStream> download = Http.CLIENT.send(
					HttpRequest.newBuilder(URI.create(uc.cdnUrl() + "/" + body.get("uuid").asString() + "/")).build(),
					HttpResponse.BodyHandlers.ofInputStream());
			assertThat(download.headers().firstValueAsLong("Content-Length")).hasValue(SIZE);
			assertThat(crc(download.body())).isEqualTo(crc(new PatternStream(0, SIZE)));
		}
	}

	private static long crc(InputStream in) throws IOException {
		CRC32 crc = new CRC32();
		byte[] buffer = new byte[64 * 1024];
		try (in) {
			for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
				crc.update(buffer, 0, n);
			}
		}
		return crc.getValue();
	}

	/** Bytes {@code (position % 251)}, generated on the fly. */
	static final class PatternStream extends InputStream {

		private long position;

		private final long end;

		PatternStream(long offset, long length) {
			this.position = offset;
			this.end = offset + length;
		}

		@Override
		public int read() {
			return (this.position < this.end) ? (int) (this.position++ % 251) : -1;
		}

		@Override
		public int read(byte[] b, int off, int len) {
			if (this.position >= this.end) {
				return -1;
			}
			int n = (int) Math.min(len, this.end - this.position);
			for (int i = 0; i < n; i++) {
				b[off + i] = (byte) (this.position++ % 251);
			}
			return n;
		}

	}

}
