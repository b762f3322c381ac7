package io.github.ucgroups.emulator;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import io.github.ucgroups.emulator.junit.UploadcareEmulatorExtension;

import static io.github.ucgroups.emulator.UploadApiContractTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

/** Multipart uploads, uploads from URLs and the CDN. */
class UploadsAndCdnContractTest {

	static final int MIB = 1024 * 1024;

	@RegisterExtension
	static final UploadcareEmulatorExtension extension = new UploadcareEmulatorExtension(
			(builder) -> builder.maxInMemoryFileSize(MIB));

	static UploadcareEmulator uc;

	static HttpServer source;

	static final byte[] SOURCE_BYTES = "fetched from a URL".getBytes(StandardCharsets.UTF_8);

	@BeforeAll
	static void start() throws IOException {
		source = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 10);
		source.createContext("/", (exchange) -> {
			if (exchange.getRequestURI().getPath().equals("/doc.txt")) {
				exchange.getResponseHeaders().set("Content-Type", "text/plain");
				exchange.sendResponseHeaders(200, SOURCE_BYTES.length);
				exchange.getResponseBody().write(SOURCE_BYTES);
			}
			else {
				exchange.sendResponseHeaders(404, -1);
			}
			exchange.close();
		});
		source.start();
	}

	@AfterAll
	static void stop() {
		source.stop(0);
	}

	@BeforeEach
	void useTheEmulator(UploadcareEmulator emulator) {
		uc = emulator;
		emulator.reset();
	}

	private static URI upload(String path) {
		return Http.uri(uc.uploadUrl(), path);
	}

	private static JsonNode startMultipart(long size) {
		return startMultipartOn(uc, size);
	}

	static JsonNode startMultipartOn(UploadcareEmulator emulator, long size) {
		HttpResponse<String> response = Http.post(Http.uri(emulator.uploadUrl(), "/multipart/start/"),
				new Http.Multipart().field("UPLOADCARE_PUB_KEY", "demopublickey")
					.field("UPLOADCARE_STORE", "1")
					.field("filename", "big.bin")
					.field("size", Long.toString(size))
					.field("content_type", "application/octet-stream")
					.field("part_size", Integer.toString(5 * MIB)));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return Http.json(response);
	}

	private static HttpResponse<String> putPart(String url, byte[] bytes, int offset, int length) {
		return Http.send(HttpRequest.newBuilder(URI.create(url))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/octet-stream")
			.PUT(HttpRequest.BodyPublishers.ofByteArray(bytes, offset, length))
			.build());
	}

	@Test
	void multipartUploadTakesPartsOutOfOrderAndInParallel() throws Exception {
		int size = 12 * MIB + 123;
		byte[] bytes = new byte[size];
		new Random(42).nextBytes(bytes);
		JsonNode started = startMultipart(size);
		String uuid = started.get("uuid").asString();
		List<String> parts = new ArrayList<>();
		started.get("parts").forEach((part) -> parts.add(part.asString()));
		assertThat(parts).hasSize(3).allMatch((url) -> url.startsWith(uc.uploadUrl() + "/s3-part/" + uuid + "/"));
		List<Integer> order = new ArrayList<>(List.of(2, 0, 1));
		ExecutorService pool = Executors.newFixedThreadPool(3);
		try {
			List<Future<HttpResponse<String>>> puts = new ArrayList<>();
			for (int index : order) {
				int offset = index * 5 * MIB;
				puts.add(pool.submit(() -> putPart(parts.get(index), bytes, offset, Math.min(5 * MIB, size - offset))));
			}
			for (Future<HttpResponse<String>> put : puts) {
				assertThat(put.get(30, TimeUnit.SECONDS).statusCode()).isBetween(200, 299);
			}
		}
		finally {
			pool.shutdownNow();
		}
		HttpResponse<String> completed = Http.post(upload("/multipart/complete/"),
				new Http.Multipart().field("UPLOADCARE_PUB_KEY", "demopublickey").field("uuid", uuid));
		assertThat(completed.statusCode()).as(completed.body()).isEqualTo(200);
		JsonNode info = Http.json(completed);
		assertThat(info.get("uuid").asString()).isEqualTo(uuid);
		assertThat(info.get("size").asLong()).isEqualTo(size);
		assertThat(info.get("is_stored").asBoolean()).isTrue();
		assertThat(uc.file(uuid).orElseThrow().content().bytes()).isEqualTo(bytes);
		HttpResponse<byte[]> cdn = Http.sendBytes(HttpRequest.newBuilder(URI.create(uc.cdnUrl() + "/" + uuid + "/")).build());
		assertThat(cdn.body()).isEqualTo(bytes);
		assertThat(uc.store().tempDirectory()).as("large files spill to disk").isNotNull();
	}

	@Test
	void multipartCompleteRefusesMissingOrWrongSizedParts() {
		int size = 11 * MIB;
		byte[] bytes = new byte[size];
		JsonNode started = startMultipart(size);
		String uuid = started.get("uuid").asString();
		String first = started.get("parts").get(0).asString();
		String second = started.get("parts").get(1).asString();
		putPart(first, bytes, 0, 5 * MIB);
		putPart(second, bytes, 0, 5 * MIB - 1);
		Http.Multipart complete = new Http.Multipart().field("UPLOADCARE_PUB_KEY", "demopublickey").field("uuid", uuid);
		assertError(Http.post(upload("/multipart/complete/"), complete), 400, "File size mismatch. Not all parts uploaded?");
		assertThat(putPart(first.replaceAll("X-Amz-Signature=.*", "X-Amz-Signature=forged"), bytes, 0, 1).statusCode())
			.isEqualTo(403);
		assertThat(uc.file(uuid)).isEmpty();
	}

	@Test
	void multipartStartRefusesSmallFiles() {
		HttpResponse<String> response = Http.post(upload("/multipart/start/"),
				new Http.Multipart().field("UPLOADCARE_PUB_KEY", "demopublickey")
					.field("filename", "small.bin")
					.field("size", "10485759")
					.field("content_type", "application/octet-stream"));
		assertError(response, 400,
				"File size can not be less than 10485760 bytes. Please use direct upload instead of multipart.");
	}

	private static JsonNode pollStatus(String token) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		JsonNode status = null;
		for (int i = 0; i < 200 && System.nanoTime() < deadline; i++) {
			status = Http.json(Http.get(upload("/from_url/status/?token=" + token)));
			String state = status.get("status").asString();
			assertThat(state).isIn("waiting", "progress", "success", "error");
			if (state.equals("success") || state.equals("error")) {
				return status;
			}
			Thread.sleep(20);
		}
		throw new AssertionError("from_url did not finish: " + status);
	}

	private static String fromUrl(String url) {
		HttpResponse<String> response = Http.postUrlEncoded(upload("/from_url/"),
				List.of(Map.entry("pub_key", "demopublickey"), Map.entry("source_url", url), Map.entry("store", "1")));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		JsonNode body = Http.json(response);
		assertThat(body.get("type").asString()).isEqualTo("token");
		return body.get("token").asString();
	}

	@Test
	void fromUrlFetchesTheSourceInTheBackground() throws Exception {
		String token = fromUrl("http://127.0.0.1:" + source.getAddress().getPort() + "/doc.txt");
		JsonNode status = pollStatus(token);
		assertThat(status.get("status").asString()).as(status.toString()).isEqualTo("success");
		String uuid = status.get("uuid").asString();
		assertThat(status.get("file_id").asString()).isEqualTo(uuid);
		assertThat(status.get("original_filename").asString()).isEqualTo("doc.txt");
		assertThat(status.get("mime_type").asString()).isEqualTo("text/plain");
		assertThat(uc.file(uuid).orElseThrow().content().bytes()).isEqualTo(SOURCE_BYTES);
		uc.reset();
		assertThat(Http.json(Http.get(upload("/from_url/status/?token=" + token))).get("status").asString())
			.isEqualTo("unknown");
	}

	@Test
	void fromUrlReportsErrorsAndUnknownTokens() throws Exception {
		JsonNode notFound = pollStatus(fromUrl("http://127.0.0.1:" + source.getAddress().getPort() + "/missing"));
		assertThat(notFound.get("status").asString()).isEqualTo("error");
		assertThat(notFound.get("error").asString()).isNotEmpty();
		assertThat(notFound.get("error_code").asString()).isEqualTo("DownloadFileHTTPClientError");
		JsonNode external = pollStatus(fromUrl("https://example.com/logo.png"));
		assertThat(external.get("status").asString()).isEqualTo("error");
		assertThat(external.get("error_code").asString()).isEqualTo("DownloadFileHTTPURLValidationError");
		JsonNode unknown = Http.json(Http.get(upload("/from_url/status/?token=" + "nope")));
		assertThat(unknown.get("status").asString()).isEqualTo("unknown");
		assertThat(uc.files()).isEmpty();
	}

	@Test
	void cdnServesFilesGroupMembersAndZipArchives() throws Exception {
		byte[] png = tinyPng();
		String image = uc.addFile(png, "dot.png", "image/png");
		String text = uc.addFile("hello".getBytes(StandardCharsets.UTF_8), "hello.txt", "text/plain");
		JsonNode group = Http.json(Http.post(upload("/group/"), new Http.Multipart().field("pub_key", "demopublickey")
			.field("files[0]", image + "/-/resize/x800/")
			.field("files[1]", text)));
		assertThat(group.get("files").get(0).get("is_image").asBoolean()).isTrue();
		assertThat(group.get("files").get(0).get("image_info").get("width").asInt()).isEqualTo(1);
		assertThat(group.get("files").get(0).get("image_info").get("format").asString()).isEqualTo("PNG");
		String id = group.get("id").asString();

		HttpResponse<byte[]> file = Http.sendBytes(HttpRequest.newBuilder(URI.create(uc.cdnUrl() + "/" + image + "/-/preview/200x200/dot.png")).build());
		assertThat(file.statusCode()).isEqualTo(200);
		assertThat(file.headers().firstValue("Content-Type")).hasValue("image/png");
		assertThat(file.body()).isEqualTo(png);

		HttpResponse<byte[]> head = Http.sendBytes(HttpRequest.newBuilder(URI.create(uc.cdnUrl() + "/" + image + "/"))
			.method("HEAD", HttpRequest.BodyPublishers.noBody())
			.build());
		assertThat(head.statusCode()).isEqualTo(200);
		assertThat(head.headers().firstValue("Content-Type")).hasValue("image/png");
		assertThat(head.headers().firstValueAsLong("Content-Length")).hasValue(png.length);
		assertThat(head.body()).isEmpty();

		HttpResponse<byte[]> nth = Http.sendBytes(HttpRequest.newBuilder(URI.create(group.get("cdn_url").asString() + "nth/1/-/resize/10x/")).build());
		assertThat(nth.headers().firstValue("Content-Type")).hasValue("text/plain");
		assertThat(new String(nth.body(), StandardCharsets.UTF_8)).isEqualTo("hello");
		assertThat(Http.get(URI.create(uc.cdnUrl() + "/" + id + "/nth/2/")).statusCode()).isEqualTo(404);

		HttpResponse<byte[]> zip = Http.sendBytes(HttpRequest.newBuilder(URI.create(uc.cdnUrl() + "/" + id + "/archive/zip/all.zip")).build());
		assertThat(zip.headers().firstValue("Content-Type")).hasValue("application/zip");
		Map<String, byte[]> entries = new HashMap<>();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.body()))) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				entries.put(entry.getName(), in.readAllBytes());
			}
		}
		assertThat(entries).containsOnlyKeys("dot.png", "hello.txt");
		assertThat(entries.get("dot.png")).isEqualTo(png);
		assertThat(Http.get(URI.create(uc.cdnUrl() + "/94a2218e-3526-428a-945e-65fbc06e7b35/")).statusCode())
			.isEqualTo(404);
		HttpResponse<String> listing = Http.get(URI.create(group.get("cdn_url").asString()));
		assertThat(listing.statusCode()).isEqualTo(200);
		assertThat(listing.body()).contains(id + "/nth/1/");
	}

	@Test
	void filesAboveTheMemoryCapSpillToATemporaryDirectoryDeletedOnClose() throws Exception {
		java.nio.file.Path directory;
		try (UploadcareEmulator small = UploadcareEmulator.builder().maxInMemoryFileSize(10).start()) {
			byte[] content = new byte[1000];
			new Random(1).nextBytes(content);
			HttpResponse<String> response = Http.post(Http.uri(small.uploadUrl(), "/base/"),
					new Http.Multipart().field("UPLOADCARE_PUB_KEY", "demopublickey")
						.file("file", "f.bin", "application/octet-stream", content));
			String uuid = Http.json(response).get("file").asString();
			directory = small.store().tempDirectory();
			assertThat(directory).isNotNull();
			try (var files = java.nio.file.Files.list(directory)) {
				assertThat(files.count()).isEqualTo(1);
			}
			assertThat(small.file(uuid).orElseThrow().content().bytes()).isEqualTo(content);
		}
		assertThat(directory).doesNotExist();
	}

	static byte[] tinyPng() {
		return java.util.Base64.getDecoder()
			.decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
	}

}
