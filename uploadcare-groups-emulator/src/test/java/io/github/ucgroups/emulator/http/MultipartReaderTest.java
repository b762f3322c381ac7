package io.github.ucgroups.emulator.http;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MultipartReaderTest {

	static final String BOUNDARY = "xYzZY";

	@Test
	void readsRandomPartsThroughRandomlyChunkedStreams() throws IOException {
		Random random = new Random(7);
		for (int round = 0; round < 300; round++) {
			List<byte[]> contents = new ArrayList<>();
			ByteArrayOutputStream body = new ByteArrayOutputStream();
			body.writeBytes("preamble\r\n".getBytes(StandardCharsets.UTF_8));
			int parts = 1 + random.nextInt(4);
			for (int p = 0; p < parts; p++) {
				byte[] content = tricky(random, random.nextInt((round % 10 == 0) ? 200_000 : 300));
				contents.add(content);
				body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"f" + p
						+ "\"; filename=\"a \\\"q\\\".bin\"\r\nContent-Type: application/octet-stream\r\n\r\n")
					.getBytes(StandardCharsets.UTF_8));
				body.writeBytes(content);
				body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
			}
			body.writeBytes(("--" + BOUNDARY + "--\r\nepilogue").getBytes(StandardCharsets.UTF_8));
			MultipartReader reader = new MultipartReader(new Chunked(body.toByteArray(), random), BOUNDARY);
			for (int p = 0; p < parts; p++) {
				MultipartReader.Part part = reader.next();
				assertThat(part).isNotNull();
				assertThat(part.name()).isEqualTo("f" + p);
				assertThat(part.filename()).isEqualTo("a \"q\".bin");
				assertThat(part.contentType()).isEqualTo("application/octet-stream");
				if (random.nextInt(5) == 0 && p < parts - 1) {
					continue; // skipped parts are drained by next()
				}
				assertThat(part.body().readAllBytes()).as("round %d part %d", round, p).isEqualTo(contents.get(p));
			}
			assertThat(reader.next()).isNull();
		}
	}

	@Test
	void refusesTruncatedBodies() {
		byte[] body = ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nvalue")
			.getBytes(StandardCharsets.UTF_8);
		assertThatThrownBy(() -> {
			MultipartReader reader = new MultipartReader(new ByteArrayInputStream(body), BOUNDARY);
			reader.next().body().readAllBytes();
		}).isInstanceOf(IOException.class).hasMessageStartingWith("Malformed multipart");
	}

	/** Random bytes sprinkled with prefixes of the delimiter. */
	private static byte[] tricky(Random random, int length) {
		byte[] delimiter = ("\r\n--" + BOUNDARY).getBytes(StandardCharsets.UTF_8);
		byte[] content = new byte[length];
		random.nextBytes(content);
		for (int i = 0; i + delimiter.length < length; i += 1 + random.nextInt(50)) {
			System.arraycopy(delimiter, 0, content, i, random.nextInt(delimiter.length));
		}
		// A prefix followed by lucky random bytes may spell the whole delimiter: break those.
		for (int i = 0; i + delimiter.length <= length; i++) {
			int j = 0;
			while (j < delimiter.length && content[i + j] == delimiter[j]) {
				j++;
			}
			if (j == delimiter.length) {
				content[i + j - 1] ^= 1;
			}
		}
		return content;
	}

	private static final class Chunked extends InputStream {

		private final ByteArrayInputStream in;

		private final Random random;

		Chunked(byte[] bytes, Random random) {
			this.in = new ByteArrayInputStream(bytes);
			this.random = random;
		}

		@Override
		public int read() {
			return this.in.read();
		}

		@Override
		public int read(byte[] b, int off, int len) {
			return this.in.read(b, off, Math.min(len, 1 + this.random.nextInt(20_000)));
		}

	}

}
