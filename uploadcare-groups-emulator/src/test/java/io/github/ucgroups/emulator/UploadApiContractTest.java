package io.github.ucgroups.emulator;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.ucgroups.emulator.journal.JournalEntry;
import io.github.ucgroups.emulator.junit.UploadcareEmulatorExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

class UploadApiContractTest {

	static final String DATETIME = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{6}Z";

	static final String GROUP_ID = "[a-z0-9]{8}-(?:[a-z0-9]{4}-){3}[a-z0-9]{12}~\\d+";

	@RegisterExtension
	static final UploadcareEmulatorExtension extension = new UploadcareEmulatorExtension();

	static UploadcareEmulator uc;

	@BeforeEach
	void useTheEmulator(UploadcareEmulator emulator) {
		uc = emulator;
		emulator.reset();
	}

	private URI upload(String pathAndQuery) {
		return Http.uri(uc.uploadUrl(), pathAndQuery);
	}

	@Test
	void createsGroupFromIndexedMultipartFieldsWithTheRecordedShape() {
		String a = uc.addFile(new byte[] { 1, 2, 3 }, "logo (1).png", "image/png");
		String b = uc.addFile("hello".getBytes(StandardCharsets.UTF_8), "b.txt", "text/plain");
		HttpResponse<String> response = Http.post(upload("/group/"), new Http.Multipart().field("pub_key", "demopublickey")
			.field("files[1]", b + "/-/resize/x800/")
			.field("files[0]", a));
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode group = Http.json(response);
		Http.assertSameShape(Http.fixture("group-create-response.json"), group, "group");
		assertThat(group.get("id").asString()).matches(GROUP_ID).endsWith("~2");
		assertThat(group.get("datetime_created").asString()).matches(DATETIME);
		assertThat(group.get("datetime_stored").isNull()).isTrue();
		assertThat(group.get("files_count").asInt()).isEqualTo(2);
		assertThat(group.get("cdn_url").asString()).isEqualTo(uc.cdnUrl() + "/" + group.get("id").asString() + "/");
		assertThat(group.get("url").asString()).isEqualTo(uc.restUrl() + "/groups/" + group.get("id").asString() + "/");
		JsonNode files = group.get("files");
		assertThat(files.get(0).get("uuid").asString()).isEqualTo(a);
		assertThat(files.get(0).get("default_effects").asString()).isEmpty();
		assertThat(files.get(0).get("filename").asString()).isEqualTo("logo1.png");
		assertThat(files.get(0).get("original_filename").asString()).isEqualTo("logo (1).png");
		assertThat(files.get(1).get("uuid").asString()).isEqualTo(b);
		assertThat(files.get(1).get("default_effects").asString()).isEqualTo("resize/x800/");
		assertThat(files.get(1).get("size").asLong()).isEqualTo(5);
		assertThat(uc.group(group.get("id").asString())).isPresent();
	}

	@Test
	void createsGroupFromRepeatedFilesFieldsUrlEncodedIncludingCdnUrls() {
		String a = uc.addFile(new byte[] { 1 }, "a.bin", "application/octet-stream");
		String b = uc.addFile(new byte[] { 2 }, "b.bin", "application/octet-stream");
		HttpResponse<String> response = Http.postUrlEncoded(upload("/group/"),
				List.of(Map.entry("pub_key", "demopublickey"), Map.entry("files[]", a),
						Map.entry("files[]", "https://ucarecdn.com/" + b + "/-/preview/-/quality/smart/photo.jpg")));
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode group = Http.json(response);
		assertThat(group.get("files_count").asInt()).isEqualTo(2);
		assertThat(group.get("files").get(1).get("uuid").asString()).isEqualTo(b);
		assertThat(group.get("files").get(1).get("default_effects").asString()).isEqualTo("preview/-/quality/smart/");
	}

	@Test
	void createsGroupFromIndexedUrlEncodedAndRepeatedMultipartFields() {
		String a = uc.addFile(new byte[] { 1 }, "a.bin", "application/octet-stream");
		HttpResponse<String> urlEncoded = Http.postUrlEncoded(upload("/group/"),
				List.of(Map.entry("pub_key", "demopublickey"), Map.entry("files[0]", a)));
		assertThat(urlEncoded.statusCode()).isEqualTo(200);
		HttpResponse<String> multipart = Http.post(upload("/group/"),
				new Http.Multipart().field("pub_key", "demopublickey").field("files[]", a).field("files[]", a));
		assertThat(multipart.statusCode()).isEqualTo(200);
		assertThat(Http.json(multipart).get("id").asString()).endsWith("~2");
		assertThat(uc.groups()).hasSize(2);
	}

	@Test
	void groupErrorsArePlainTextWithTheRealStatus() {
		String a = uc.addFile(new byte[] { 1 }, "a.bin", "application/octet-stream");
		assertError(Http.post(upload("/group/"), new Http.Multipart().field("pub_key", "demopublickey")), 400,
				"No files[N] parameters found.");
		assertError(Http.post(upload("/group/"),
				new Http.Multipart().field("pub_key", "demopublickey").field("files[0]", "not-a-uuid")), 400,
				"This is not valid file url: not-a-uuid.");
		assertError(Http.post(upload("/group/"), new Http.Multipart().field("pub_key", "demopublickey")
			.field("files[0]", a)
			.field("files[1]", "94a2218e-3526-428a-945e-65fbc06e7b35")), 400, "Some files not found.");
		assertError(Http.post(upload("/group/"), new Http.Multipart().field("files[0]", a)), 403,
				"pub_key is required.");
		assertError(Http.post(upload("/group/"), new Http.Multipart().field("pub_key", "wrong").field("files[0]", a)),
				403, "pub_key is invalid.");
		List<Map.Entry<String, String>> tooMany = new ArrayList<>();
		tooMany.add(Map.entry("pub_key", "demopublickey"));
		for (int i = 0; i < 1001; i++) {
			tooMany.add(Map.entry("files[" + i + "]", a));
		}
		assertThat(Http.postUrlEncoded(upload("/group/"), tooMany).statusCode()).isEqualTo(400);
		assertThat(uc.groups()).isEmpty();
	}

	@Test
	void groupErrorsWithJsonErrorsAreAnEnvelopeWithStatus200() {
		uc.addFile(new byte[] { 1 }, "a.bin", "application/octet-stream");
		HttpResponse<String> response = Http.post(upload("/group/?jsonerrors=1"), new Http.Multipart()
			.field("pub_key", "demopublickey")
			.field("files[0]", "94a2218e-3526-428a-945e-65fbc06e7b35"));
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode envelope = Http.json(response);
		Http.assertSameShape(Http.fixture("error-envelope-jsonerrors.json"), envelope, "envelope");
		assertThat(envelope).isEqualTo(Http.fixture("error-envelope-jsonerrors.json"));
		JsonNode error = Http.json(Http.get(upload("/group/info/?jsonerrors=1&pub_key=demopublickey"))).get("error");
		assertThat(error.get("status_code").asInt()).isEqualTo(400);
		assertThat(error.get("content").asString()).isEqualTo("group_id is required.");
		assertThat(error.get("error_code").asString()).isEqualTo("GroupIdRequiredError");
		error = Http.json(Http.post(upload("/group/?jsonerrors=1"), new Http.Multipart().field("pub_key", "x")))
			.get("error");
		assertThat(error.get("status_code").asInt()).isEqualTo(403);
		assertThat(error.get("error_code").asString()).isEqualTo("ProjectPublicKeyInvalidError");
		error = Http.json(Http.post(upload("/group/?jsonerrors=1"), new Http.Multipart().field("pub_key", "demopublickey")))
			.get("error");
		assertThat(error.get("content").asString()).isEqualTo("No files[N] parameters found.");
		assertThat(error.get("error_code").asString()).isEqualTo("GroupFilesInvalidError");
	}

	@Test
	void jsonErrorsCanKeepTheRealStatus() {
		try (UploadcareEmulator strict = UploadcareEmulator.builder().jsonErrorsWithHttpStatus(true).start()) {
			HttpResponse<String> response = Http
				.get(Http.uri(strict.uploadUrl(), "/group/info/?jsonerrors=1&pub_key=demopublickey&group_id=x"));
			assertThat(response.statusCode()).isEqualTo(404);
			assertThat(Http.json(response).get("error").get("error_code").asString()).isEqualTo("GroupNotFoundError");
		}
	}

	@Test
	void groupInfoAnswersTheGroupOrTheRealErrors() {
		String a = uc.addFile(new byte[] { 1 }, "a.bin", "application/octet-stream");
		String id = Http.json(Http.post(upload("/group/"),
				new Http.Multipart().field("pub_key", "demopublickey").field("files[0]", a + "/-/resize/x800/")))
			.get("id")
			.asString();
		HttpResponse<String> response = Http.get(upload("/group/info/?pub_key=demopublickey&group_id=" + id));
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode group = Http.json(response);
		Http.assertSameShape(Http.fixture("group-create-response.json"), group, "group");
		assertThat(group.get("id").asString()).isEqualTo(id);
		assertThat(group.get("files").get(0).get("default_effects").asString()).isEqualTo("resize/x800/");
		assertError(Http.get(upload("/group/info/?pub_key=demopublickey")), 400, "group_id is required.");
		assertError(Http.get(upload("/group/info/?pub_key=demopublickey&group_id=d496a4df-0b36-4281-8156-268ae9524d4a~1")),
				404, "group_id is invalid.");
		assertError(Http.get(upload("/group/info/?pub_key=demopublickey&group_id=garbage")), 404,
				"group_id is invalid.");
		assertError(Http.get(upload("/group/info/?group_id=" + id)), 403, "pub_key is required.");
		assertError(Http.get(upload("/group/info/?pub_key=nope&group_id=" + id)), 403, "pub_key is invalid.");
	}

	@Test
	void groupInfoShowsNullForPurgedFiles() {
		String a = uc.addFile(new byte[] { 1 }, "a.bin", "application/octet-stream");
		String id = Http.json(Http.post(upload("/group/"),
				new Http.Multipart().field("pub_key", "demopublickey").field("files[0]", a)))
			.get("id")
			.asString();
		uc.store().purgeFile(a);
		JsonNode group = Http.json(Http.get(upload("/group/info/?pub_key=demopublickey&group_id=" + id)));
		Http.assertSameShape(Http.fixture("group-info-deleted-files-response.json"), group, "group");
		assertThat(group.get("files").get(0).isNull()).isTrue();
	}

	@Test
	void baseUploadStoresEveryFilePartAndInfoDescribesIt() throws Exception {
		HttpResponse<String> response = Http.post(upload("/base/"),
				new Http.Multipart().field("UPLOADCARE_PUB_KEY", "demopublickey")
					.field("UPLOADCARE_STORE", "0")
					.field("metadata[subsystem]", "tests")
					.file("sample1.txt", "sample1.txt", "text/plain", "hello".getBytes(StandardCharsets.UTF_8))
					.file("second", "second.bin", "application/octet-stream", new byte[1000]));
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode uploaded = Http.json(response);
		Http.assertSameShape(Http.fixture("base-upload-response.json"), uploaded, "base");
		String uuid = uploaded.get("sample1.txt").asString();
		assertThat(uploaded.get("second").asString()).isNotEqualTo(uuid);
		assertThat(uc.file(uuid).orElseThrow().content().bytes()).isEqualTo("hello".getBytes(StandardCharsets.UTF_8));
		JsonNode info = Http.json(Http.get(upload("/info/?pub_key=demopublickey&file_id=" + uuid)));
		ObjectNode fileShape = (ObjectNode) Http.fixture("group-create-response.json").get("files").get(0);
		fileShape.remove("default_effects");
		Http.assertSameShape(fileShape, info, "info");
		assertThat(info.has("default_effects")).isFalse();
		assertThat(info.get("size").asLong()).isEqualTo(5);
		assertThat(info.get("is_stored").asBoolean()).isFalse();
		assertThat(info.get("mime_type").asString()).isEqualTo("text/plain");
		assertThat(info.get("metadata").get("subsystem").asString()).isEqualTo("tests");
		assertError(Http.get(upload("/info/?pub_key=demopublickey&file_id=94a2218e-3526-428a-945e-65fbc06e7b35")), 404,
				"File is not found.");
		assertError(Http.post(upload("/base/"), new Http.Multipart().file("f", "f.txt", "text/plain", new byte[1])), 403,
				"UPLOADCARE_PUB_KEY is required.");
		assertThat(uc.files()).hasSize(2);
	}

	@Test
	void journalRecordsFieldsAndFilePartsWithCredentialsRedacted() {
		Http.send(new Http.Multipart().field("UPLOADCARE_PUB_KEY", "demopublickey")
			.field("signature", "abc")
			.field("expire", "123")
			.file("file", "a.txt", "text/plain", new byte[42])
			.request(upload("/base/?signature=s&x=1"))
			.header("Authorization", "Bearer secret-token")
			.build());
		JournalEntry entry = uc.journal().last("/base/").orElseThrow();
		assertThat(entry.method()).isEqualTo("POST");
		assertThat(entry.field("UPLOADCARE_PUB_KEY")).isEqualTo("demopublickey");
		assertThat(entry.field("signature")).isEqualTo(JournalEntry.REDACTED);
		assertThat(entry.field("expire")).isEqualTo(JournalEntry.REDACTED);
		assertThat(entry.header("Authorization")).isEqualTo(JournalEntry.REDACTED);
		assertThat(entry.query()).isEqualTo("signature=" + JournalEntry.REDACTED + "&x=1");
		assertThat(entry.files()).containsExactly(new JournalEntry.FilePart("file", "a.txt", "text/plain", 42));
		assertThat(entry.status()).as("credentials are not checked unless signed uploads are required")
			.isEqualTo(200);
		assertThat(entry.toString()).doesNotContain("secret-token");
		uc.journal().clear();
		assertThat(uc.journal().entries()).isEmpty();
	}

	@Test
	void unknownPathsAndWrongMethodsAreRefused() {
		assertThat(Http.get(upload("/nope/")).statusCode()).isEqualTo(404);
		assertThat(Http.get(upload("/group/")).statusCode()).isEqualTo(405);
	}

	static void assertError(HttpResponse<String> response, int status, String text) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.body()).isEqualTo(text);
		assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
	}

}
