package io.github.ucgroups.emulator;

import java.io.ByteArrayInputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import io.github.ucgroups.emulator.junit.UploadcareEmulatorExtension;
import tools.jackson.databind.JsonNode;

import static io.github.ucgroups.emulator.RestApiContractTest.ACCEPT;
import static io.github.ucgroups.emulator.RestApiContractTest.sign;
import static io.github.ucgroups.emulator.UploadApiContractTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the real service does and Uploadcare's own clients rely on: from-URL parameters in the
 * query, the REST client's date header and auth forms, single-file storage, repeated multipart
 * completes, chunked part uploads, deleted files in groups and archives, {@code failed} uploads
 * from URLs.
 */
class FidelityContractTest {

	@RegisterExtension
	static final UploadcareEmulatorExtension extension = new UploadcareEmulatorExtension();

	static UploadcareEmulator uc;

	@BeforeEach
	void useTheEmulator(UploadcareEmulator emulator) {
		uc = emulator;
		emulator.reset();
	}

	private static URI upload(String pathAndQuery) {
		return Http.uri(uc.uploadUrl(), pathAndQuery);
	}

	private static JsonNode awaitFromUrl(String token) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (true) {
			JsonNode status = Http.json(Http.get(upload("/from_url/status/?token=" + token)));
			String value = status.get("status").asString();
			if (!value.equals("waiting") && !value.equals("progress") || System.nanoTime() > deadline) {
				return status;
			}
			Thread.sleep(20);
		}
	}

	// ---- /from_url/ ----

	@Test
	void fromUrlTakesItsParametersFromTheQueryStringWithNoBody() throws Exception {
		String source = uc.addFile("from the CDN".getBytes(StandardCharsets.UTF_8), "src.txt", "text/plain");
		String sourceUrl = uc.cdnUrl() + "/" + source + "/";
		HttpResponse<String> started = Http.send(HttpRequest.newBuilder(upload("/from_url/?jsonerrors=1&pub_key=demopublickey"
				+ "&source_url=" + java.net.URLEncoder.encode(sourceUrl, StandardCharsets.UTF_8)
				+ "&store=0&filename=copy.txt&metadata%5Bkind%5D=query"))
			.POST(HttpRequest.BodyPublishers.noBody())
			.build());
		assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
		JsonNode token = Http.json(started);
		assertThat(token.get("type").asString()).as(started.body()).isEqualTo("token");
		JsonNode done = awaitFromUrl(token.get("token").asString());
		assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("success");
		var file = uc.file(done.get("uuid").asString()).orElseThrow();
		assertThat(file.originalFilename()).isEqualTo("copy.txt");
		assertThat(file.isStored()).isFalse();
		assertThat(file.metadata()).containsEntry("kind", "query");
		assertThat(file.content().bytes()).isEqualTo("from the CDN".getBytes(StandardCharsets.UTF_8));
		assertThat(uc.journal().entries("/from_url/").get(0).fields()).as("the journal keeps body and query apart")
			.isEmpty();
	}

	@Test
	void fromUrlBodyFieldsWinOverTheQuery() throws Exception {
		String source = uc.addFile(new byte[] { 7 }, "src.bin", "application/octet-stream");
		HttpResponse<String> started = Http.post(upload("/from_url/?pub_key=wrongkey&filename=query.bin"),
				new Http.Multipart().field("pub_key", "demopublickey")
					.field("source_url", uc.cdnUrl() + "/" + source + "/")
					.field("filename", "body.bin"));
		assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
		JsonNode done = awaitFromUrl(Http.json(started).get("token").asString());
		assertThat(uc.file(done.get("uuid").asString()).orElseThrow().originalFilename()).isEqualTo("body.bin");
	}

	@Test
	void fromUrlStatusReportsFailedWhenAFaultSaysSo() throws Exception {
		uc.faults().failFromUrlUploads(1);
		String source = uc.addFile(new byte[] { 7 }, "src.bin", "application/octet-stream");
		String form = "/from_url/?pub_key=demopublickey&source_url="
				+ java.net.URLEncoder.encode(uc.cdnUrl() + "/" + source + "/", StandardCharsets.UTF_8);
		JsonNode failed = awaitFromUrl(Http.json(Http.send(HttpRequest.newBuilder(upload(form))
			.POST(HttpRequest.BodyPublishers.noBody())
			.build())).get("token").asString());
		assertThat(failed.get("status").asString()).isEqualTo("failed");
		assertThat(failed.has("error")).as("the JS client would read an error field as an error envelope").isFalse();
		assertThat(uc.faults().hasPending()).isFalse();
		JsonNode next = awaitFromUrl(Http.json(Http.send(HttpRequest.newBuilder(upload(form))
			.POST(HttpRequest.BodyPublishers.noBody())
			.build())).get("token").asString());
		assertThat(next.get("status").asString()).as("only one upload fails").isEqualTo("success");
	}

	// ---- REST ----

	private static HttpResponse<String> restWithDateHeader(String method, String path, String dateHeader,
			String date) throws Exception {
		String signature = sign("demosecretkey", method, "", "application/json", date, path);
		return Http.send(HttpRequest.newBuilder(URI.create(uc.restUrl() + path))
			.header("Accept", ACCEPT)
			.header("Content-Type", "application/json")
			.header(dateHeader, date)
			.header("Authorization", "Uploadcare demopublickey:" + signature)
			.method(method, HttpRequest.BodyPublishers.noBody())
			.build());
	}

	@Test
	void restAcceptsTheJsClientsXUploadcareDateAndTheDateFormsOfTheOfficialClients() throws Exception {
		ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
		String gmt = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH).format(now);
		assertThat(restWithDateHeader("GET", "/groups/", "X-Uploadcare-Date", gmt).statusCode()).isEqualTo(200);
		List<String> forms = List.of(gmt,
				DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.ENGLISH).format(now),
				DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH).format(now),
				DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'UTC'", Locale.ENGLISH).format(now));
		for (String form : forms) {
			HttpResponse<String> response = restWithDateHeader("GET", "/project/", "Date", form);
			assertThat(response.statusCode()).as(form + ": " + response.body()).isEqualTo(200);
		}
		HttpResponse<String> bad = restWithDateHeader("GET", "/project/", "X-Uploadcare-Date", "yesterday");
		assertThat(bad.statusCode()).isEqualTo(401);
		assertThat(Http.json(bad).get("detail").asString()).isEqualTo("Date header is not in RFC 1123 format.");
	}

	@Test
	void restSignatureOfTheOfficialJavaClientsTestVectorIsReproduced() throws Exception {
		assertThat(sign("demosecretkey", "GET", "", "application/json", "Fri, 17 Nov 1989 00:00:00 +0000",
				"/files/27c7846b-a019-4516-a5e4-de635f822161/"))
			.isEqualTo("535e263808dd38599343f04aab3c9f34bb15573c");
		assertThat(io.github.ucgroups.emulator.auth.RestAuth.parseDate("Fri, 17 Nov 1989 00:00:00 +0000"))
			.isEqualTo(java.time.Instant.parse("1989-11-17T00:00:00Z"));
	}

	@Test
	void simpleAuthWithTheSecretKeyIsAcceptedOnTheLoopbackEmulator() {
		HttpResponse<String> ok = Http.send(HttpRequest.newBuilder(URI.create(uc.restUrl() + "/groups/"))
			.header("Accept", ACCEPT)
			.header("Authorization", "Uploadcare.Simple demopublickey:demosecretkey")
			.build());
		assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
		HttpResponse<String> wrong = Http.send(HttpRequest.newBuilder(URI.create(uc.restUrl() + "/groups/"))
			.header("Accept", ACCEPT)
			.header("Authorization", "Uploadcare.Simple demopublickey:not-the-secret")
			.build());
		assertThat(wrong.statusCode()).isEqualTo(401);
		assertThat(wrong.body()).doesNotContain("not-the-secret");
		HttpResponse<String> otherKey = Http.send(HttpRequest.newBuilder(URI.create(uc.restUrl() + "/groups/"))
			.header("Accept", ACCEPT)
			.header("Authorization", "Uploadcare.Simple otherkey:demosecretkey")
			.build());
		assertThat(otherKey.statusCode()).isEqualTo(401);
	}

	@Test
	void singleFileStorageStoresAndDeletesOneFile() throws Exception {
		String uuid = Http.json(Http.post(upload("/base/"), new Http.Multipart().field("UPLOADCARE_PUB_KEY", "demopublickey")
			.field("UPLOADCARE_STORE", "0")
			.file("file", "one.txt", "text/plain", new byte[] { 1, 2 }))).get("file").asString();
		assertThat(uc.file(uuid).orElseThrow().isStored()).isFalse();
		HttpResponse<String> stored = RestApiContractTest.rest(uc, "PUT", "/files/" + uuid + "/storage/", "");
		assertThat(stored.statusCode()).as(stored.body()).isEqualTo(200);
		assertThat(Http.json(stored).get("uuid").asString()).isEqualTo(uuid);
		assertThat(Http.json(stored).get("datetime_stored").isNull()).isFalse();
		assertThat(uc.file(uuid).orElseThrow().isStored()).isTrue();
		HttpResponse<String> deleted = RestApiContractTest.rest(uc, "DELETE", "/files/" + uuid + "/storage/", "");
		assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(200);
		assertThat(Http.json(deleted).get("datetime_removed").asString()).endsWith("Z");
		assertThat(uc.file(uuid)).isEmpty();
		HttpResponse<String> again = RestApiContractTest.rest(uc, "DELETE", "/files/" + uuid + "/storage/", "");
		assertThat(again.statusCode()).isEqualTo(404);
		assertThat(Http.json(again).get("detail").asString()).isEqualTo("Not found.");
		assertThat(RestApiContractTest.rest(uc, "PUT", "/files/" + java.util.UUID.randomUUID() + "/storage/", "")
			.statusCode()).isEqualTo(404);
		assertThat(RestApiContractTest.rest(uc, "POST", "/files/" + uuid + "/storage/", "").statusCode()).isEqualTo(405);
	}

	// ---- deleted files ----

	private static String group(String... files) {
		Http.Multipart form = new Http.Multipart().field("pub_key", "demopublickey");
		for (int i = 0; i < files.length; i++) {
			form.field("files[" + i + "]", files[i]);
		}
		return Http.json(Http.post(upload("/group/"), form)).get("id").asString();
	}

	@Test
	void aDeletedFileStaysInGroupAnswersWithDatetimeRemovedAndAPurgedOneIsNull() throws Exception {
		String kept = uc.addFile(new byte[] { 1 }, "kept.bin", "application/octet-stream");
		String deleted = uc.addFile(new byte[] { 2 }, "deleted.bin", "application/octet-stream");
		String purged = uc.addFile(new byte[] { 3 }, "purged.bin", "application/octet-stream");
		String id = group(kept, deleted + "/-/resize/x800/", purged);
		HttpResponse<String> removal = RestApiContractTest.rest(uc, "DELETE", "/files/storage/",
				"[\"" + deleted + "\"]");
		assertThat(Http.json(removal).get("result").get(0).get("datetime_removed").isNull()).isFalse();
		uc.store().purgeFile(purged);

		JsonNode rest = Http.json(RestApiContractTest.rest(uc, "GET", "/groups/" + id + "/", ""));
		assertThat(rest.get("files_count").asInt()).isEqualTo(3);
		assertThat(rest.get("files").get(0).get("datetime_removed").isNull()).isTrue();
		JsonNode removed = rest.get("files").get(1);
		assertThat(removed.get("uuid").asString()).isEqualTo(deleted);
		assertThat(removed.get("datetime_removed").asString()).endsWith("Z");
		assertThat(removed.get("default_effects").asString()).isEqualTo("resize/x800/");
		assertThat(rest.get("files").get(2).isNull()).isTrue();

		JsonNode info = Http.json(Http.get(upload("/group/info/?pub_key=demopublickey&group_id=" + id)));
		assertThat(info.get("files").get(0).has("datetime_removed")).isFalse();
		assertThat(info.get("files").get(1).get("uuid").asString()).isEqualTo(deleted);
		assertThat(info.get("files").get(1).get("datetime_removed").asString()).endsWith("Z");
		assertThat(info.get("files").get(2).isNull()).isTrue();

		assertThat(Http.get(upload("/info/?pub_key=demopublickey&file_id=" + deleted)).statusCode()).isEqualTo(404);
		assertThat(Http.get(Http.uri(uc.cdnUrl(), "/" + deleted + "/")).statusCode()).isEqualTo(404);
		assertThat(Http.get(Http.uri(uc.cdnUrl(), "/" + id + "/nth/1/")).statusCode()).isEqualTo(404);
		assertThat(Http.get(Http.uri(uc.cdnUrl(), "/" + id + "/nth/0/")).statusCode()).isEqualTo(200);
	}

	@Test
	void archivesOfAGroupExistAsZipAndTarAndAre404OnceAFileWasRemoved() throws Exception {
		String a = uc.addFile("alpha".getBytes(StandardCharsets.UTF_8), "same.txt", "text/plain");
		String b = uc.addFile("bravo!".getBytes(StandardCharsets.UTF_8), "same.txt", "text/plain");
		String id = group(a, b + "/-/resize/x800/");

		HttpResponse<byte[]> zip = Http.sendBytes(HttpRequest.newBuilder(Http.uri(uc.cdnUrl(), "/" + id + "/archive/zip/all.zip")).build());
		assertThat(zip.statusCode()).isEqualTo(200);
		List<String> zipNames = new ArrayList<>();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.body()))) {
			for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				zipNames.add(entry.getName() + "=" + new String(in.readAllBytes(), StandardCharsets.UTF_8));
			}
		}
		assertThat(zipNames).containsExactly("same.txt=alpha", "1_same.txt=bravo!");

		HttpResponse<byte[]> tar = Http.sendBytes(HttpRequest.newBuilder(Http.uri(uc.cdnUrl(), "/" + id + "/archive/tar/all.tar")).build());
		assertThat(tar.statusCode()).isEqualTo(200);
		assertThat(tar.headers().firstValue("Content-Type")).hasValue("application/x-tar");
		assertThat(readTar(tar.body())).containsExactly("same.txt=alpha", "1_same.txt=bravo!");

		assertThat(Http.get(Http.uri(uc.cdnUrl(), "/" + id + "/archive/rar/all.rar")).statusCode()).isEqualTo(404);
		uc.store().deleteFile(b);
		assertThat(Http.get(Http.uri(uc.cdnUrl(), "/" + id + "/archive/zip/all.zip")).statusCode()).isEqualTo(404);
		assertThat(Http.get(Http.uri(uc.cdnUrl(), "/" + id + "/archive/tar/")).statusCode()).isEqualTo(404);
	}

	/** Reads a ustar archive by its header layout (name, octal size, 512-byte blocks), checksums included. */
	static List<String> readTar(byte[] tar) {
		List<String> entries = new ArrayList<>();
		int offset = 0;
		while (offset + 512 <= tar.length) {
			boolean zero = true;
			for (int i = offset; i < offset + 512; i++) {
				zero &= tar[i] == 0;
			}
			if (zero) {
				assertThat(tar.length - offset).as("two zero blocks end the archive").isEqualTo(1024);
				return entries;
			}
			String name = new String(tar, offset, 100, StandardCharsets.US_ASCII).replace("\0", "");
			long size = Long.parseLong(new String(tar, offset + 124, 11, StandardCharsets.US_ASCII), 8);
			long checksum = Long.parseLong(new String(tar, offset + 148, 6, StandardCharsets.US_ASCII), 8);
			long sum = 0;
			for (int i = 0; i < 512; i++) {
				sum += (i >= 148 && i < 156) ? ' ' : (tar[offset + i] & 0xff);
			}
			assertThat(sum).as("checksum of " + name).isEqualTo(checksum);
			assertThat(new String(tar, offset + 257, 5, StandardCharsets.US_ASCII)).isEqualTo("ustar");
			entries.add(name + "=" + new String(tar, offset + 512, (int) size, StandardCharsets.UTF_8));
			offset += 512 + (int) ((size + 511) / 512 * 512);
		}
		throw new AssertionError("archive does not end with two zero blocks");
	}

	// ---- multipart ----

	@Test
	void aRepeatedCompleteAnswersFileIsAlreadyUploadedInBothErrorForms() throws Exception {
		int size = 11 * UploadsAndCdnContractTest.MIB;
		JsonNode started = UploadsAndCdnContractTest.startMultipartOn(uc, size);
		String uuid = started.get("uuid").asString();
		byte[] bytes = new byte[size];
		List<String> parts = new ArrayList<>();
		started.get("parts").forEach((part) -> parts.add(part.asString()));
		for (int i = 0; i < parts.size(); i++) {
			int offset = i * 5 * UploadsAndCdnContractTest.MIB;
			HttpResponse<String> put = Http.send(HttpRequest.newBuilder(URI.create(parts.get(i)))
				.header("Content-Type", "application/octet-stream")
				.PUT(HttpRequest.BodyPublishers.ofByteArray(bytes, offset, Math.min(5 * UploadsAndCdnContractTest.MIB,
						size - offset)))
				.build());
			assertThat(put.statusCode()).isEqualTo(200);
		}
		Http.Multipart complete = new Http.Multipart().field("UPLOADCARE_PUB_KEY", "demopublickey").field("uuid", uuid);
		assertThat(Http.post(upload("/multipart/complete/"), complete).statusCode()).isEqualTo(200);
		assertError(Http.post(upload("/multipart/complete/"), complete), 400, "File is already uploaded.");
		HttpResponse<String> json = Http.post(upload("/multipart/complete/?jsonerrors=1"), complete);
		assertThat(json.statusCode()).isEqualTo(200);
		JsonNode error = Http.json(json).get("error");
		assertThat(error.get("status_code").asInt()).isEqualTo(400);
		assertThat(error.get("content").asString()).isEqualTo("File is already uploaded.");
		assertThat(error.get("error_code").asString()).isEqualTo("MultipartFileAlreadyUploadedError");
		assertThat(uc.file(uuid)).as("the file stays").isPresent();
	}

	@Test
	void aPartPutWithoutContentLengthIsRefusedAsS3RefusesIt() throws Exception {
		JsonNode started = UploadsAndCdnContractTest.startMultipartOn(uc, 11 * UploadsAndCdnContractTest.MIB);
		URI part = URI.create(started.get("parts").get(0).asString());
		// A chunked body, written by hand: the JDK client would send a length for known bodies.
		try (Socket socket = new Socket(part.getHost(), part.getPort())) {
			String request = "PUT " + part.getRawPath() + "?" + part.getRawQuery() + " HTTP/1.1\r\nHost: " + part.getHost()
					+ ":" + part.getPort() + "\r\nContent-Type: application/octet-stream\r\nTransfer-Encoding: chunked\r\n"
					+ "Connection: close\r\n\r\n5\r\nhello\r\n0\r\n\r\n";
			socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
			socket.getOutputStream().flush();
			String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			assertThat(answer).startsWith("HTTP/1.1 411").contains("MissingContentLength");
		}
		assertThat(uc.journal().last("/s3-part/").orElseThrow().status()).isEqualTo(411);
	}


}
