package io.github.ucgroups.emulator;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import io.github.ucgroups.emulator.junit.UploadcareEmulatorExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** The REST API subset, with request signatures computed by hand in the test. */
class RestApiContractTest {

	static final String ACCEPT = "application/vnd.uploadcare-v0.7+json";

	@RegisterExtension
	static final UploadcareEmulatorExtension extension = new UploadcareEmulatorExtension();

	static UploadcareEmulator uc;

	@BeforeEach
	void useTheEmulator(UploadcareEmulator emulator) {
		uc = emulator;
		emulator.reset();
	}

	static String date(ZonedDateTime time) {
		return DateTimeFormatter.RFC_1123_DATE_TIME.format(time.withZoneSameInstant(ZoneOffset.UTC));
	}

	static String sign(String secret, String method, String body, String contentType, String date, String path)
			throws Exception {
		String md5 = HexFormat.of()
			.formatHex(MessageDigest.getInstance("MD5").digest(body.getBytes(StandardCharsets.UTF_8)));
		Mac mac = Mac.getInstance("HmacSHA1");
		mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
		String message = method + "\n" + md5 + "\n" + contentType + "\n" + date + "\n" + path;
		return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
	}

	/** Sends a signed request; {@code pathWithQuery} is relative to the REST base, e.g. {@code /groups/}. */
	static HttpResponse<String> rest(String method, String pathWithQuery, String body) throws Exception {
		return rest(uc, method, pathWithQuery, body);
	}

	/** Sends a signed request to an emulator with the default secret key. */
	static HttpResponse<String> rest(UploadcareEmulator emulator, String method, String pathWithQuery, String body)
			throws Exception {
		return rest(method, URI.create(emulator.restUrl() + pathWithQuery), body, ZonedDateTime.now(), "demosecretkey");
	}

	static HttpResponse<String> rest(String method, URI uri, String body, ZonedDateTime time, String secret)
			throws Exception {
		String date = date(time);
		String pathWithQuery = uri.getRawPath() + ((uri.getRawQuery() != null) ? "?" + uri.getRawQuery() : "");
		String signature = sign(secret, method, body, "application/json", date, pathWithQuery);
		return Http.send(HttpRequest.newBuilder(uri)
			.timeout(Duration.ofSeconds(20))
			.header("Accept", ACCEPT)
			.header("Content-Type", "application/json")
			.header("Date", date)
			.header("Authorization", "Uploadcare demopublickey:" + signature)
			.method(method, body.isEmpty() ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
			.build());
	}

	private String createGroup(String... files) {
		Http.Multipart form = new Http.Multipart().field("pub_key", "demopublickey");
		for (int i = 0; i < files.length; i++) {
			form.field("files[" + i + "]", files[i]);
		}
		return Http.json(Http.post(Http.uri(uc.uploadUrl(), "/group/"), form)).get("id").asString();
	}

	@Test
	void authenticationIsVerified() throws Exception {
		assertThat(rest("GET", "/groups/", "").statusCode()).isEqualTo(200);
		HttpResponse<String> wrongSecret = rest("GET", URI.create(uc.restUrl() + "/groups/"), "", ZonedDateTime.now(),
				"other");
		assertThat(wrongSecret.statusCode()).isEqualTo(401);
		assertThat(Http.json(wrongSecret).get("detail").asString()).isEqualTo("Incorrect authentication credentials.");
		HttpResponse<String> stale = rest("GET", URI.create(uc.restUrl() + "/groups/"), "",
				ZonedDateTime.now().minusMinutes(16), "demosecretkey");
		assertThat(stale.statusCode()).isEqualTo(401);
		HttpResponse<String> unsigned = Http.send(HttpRequest.newBuilder(URI.create(uc.restUrl() + "/groups/"))
			.header("Accept", ACCEPT)
			.build());
		assertThat(unsigned.statusCode()).isEqualTo(401);
		assertThat(Http.json(unsigned).get("detail").asString()).isEqualTo("Authentication credentials were not provided.");
		HttpResponse<String> simple = Http.send(HttpRequest.newBuilder(URI.create(uc.restUrl() + "/groups/"))
			.header("Accept", ACCEPT)
			.header("Authorization", "Uploadcare.Simple demopublickey:demosecretkey")
			.build());
		assertThat(simple.statusCode()).as("Uploadcare.Simple is accepted on the loopback emulator").isEqualTo(200);
		HttpResponse<String> unknown = rest("GET", "/nothing/", "");
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(Http.json(unknown).get("detail").asString()).isEqualTo("Not found.");
		HttpResponse<String> noAccept = Http.send(HttpRequest.newBuilder(URI.create(uc.restUrl() + "/groups/")).build());
		assertThat(noAccept.statusCode()).isEqualTo(406);
		assertThat(Http.json(noAccept).has("detail")).isTrue();
	}

	@Test
	void signatureCoversThePathAtTheRootOfTheRestUrl() throws Exception {
		String date = date(ZonedDateTime.now());
		String signature = sign("demosecretkey", "GET", "", "application/json", date, "/project/");
		HttpResponse<String> response = Http.send(HttpRequest.newBuilder(URI.create(uc.restUrl() + "/project/"))
			.header("Accept", ACCEPT)
			.header("Content-Type", "application/json")
			.header("Date", date)
			.header("Authorization", "Uploadcare demopublickey:" + signature)
			.build());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(Http.json(response).get("pub_key").asString()).isEqualTo("demopublickey");
	}

	@Test
	void listsGroupsPageByPageFollowingNext() throws Exception {
		String file = uc.addFile(new byte[] { 1 }, "a.bin", "application/octet-stream");
		List<String> created = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			created.add(createGroup(file));
		}
		List<String> seen = new ArrayList<>();
		URI next = URI.create(uc.restUrl() + "/groups/?limit=2");
		for (int page = 0; next != null && page < 10; page++) {
			HttpResponse<String> response = rest("GET", next, "", ZonedDateTime.now(), "demosecretkey");
			assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
			JsonNode body = Http.json(response);
			assertThat(body.get("total").asInt()).isEqualTo(5);
			assertThat(body.get("per_page").asInt()).isEqualTo(2);
			assertThat(body.has("previous")).isTrue();
			for (JsonNode group : body.get("results")) {
				assertThat(group.has("files")).isFalse();
				assertThat(group.get("files_count").isInt()).isTrue();
				seen.add(group.get("id").asString());
			}
			next = body.get("next").isNull() ? null : URI.create(body.get("next").asString());
		}
		assertThat(seen).containsExactlyElementsOf(created);
		JsonNode descending = Http.json(rest("GET", "/groups/?ordering=-datetime_created&limit=1", ""));
		assertThat(descending.get("results").get(0).get("id").asString()).isEqualTo(created.get(4));
		assertThat(descending.get("next").asString()).contains("ordering=-datetime_created");
	}

	@Test
	void getsAndDeletesGroups() throws Exception {
		String file = uc.addFile(new byte[] { 1 }, "a.bin", "application/octet-stream");
		String id = createGroup(file + "/-/resize/x800/");
		HttpResponse<String> response = rest("GET", "/groups/" + id + "/", "");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type").orElse("")).contains("json");
		JsonNode group = Http.json(response);
		Http.assertSameShape(Http.fixture("group-info-deleted-files-response.json"), group, "group");
		assertThat(group.get("files").get(0).get("uuid").asString()).isEqualTo(file);
		assertThat(group.get("files").get(0).get("default_effects").asString()).isEqualTo("resize/x800/");
		assertThat(rest("DELETE", "/groups/" + id + "/", "").statusCode()).isEqualTo(204);
		HttpResponse<String> gone = rest("GET", "/groups/" + id + "/", "");
		assertThat(gone.statusCode()).isEqualTo(404);
		assertThat(Http.json(gone).get("detail").asString()).isEqualTo("Not found.");
		assertThat(uc.file(file)).as("files survive their group").isPresent();
	}

	@Test
	void storesAndDeletesFilesInBatchesReportingProblems() throws Exception {
		String file = uc.addFile(new byte[] { 1 }, "a.bin", "application/octet-stream");
		uc.store().setStored(file, false);
		String missing = "94a2218e-3526-428a-945e-65fbc06e7b35";
		HttpResponse<String> response = rest("PUT", "/files/storage/", "[\"" + file + "\",\"" + missing + "\"]");
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode body = Http.json(response);
		assertThat(body.get("status").asString()).isEqualTo("ok");
		assertThat(body.get("problems").get(missing).asString()).isEqualTo("Missing in the project");
		assertThat(body.get("result").get(0).get("uuid").asString()).isEqualTo(file);
		assertThat(body.get("result").get(0).get("datetime_stored").isString()).isTrue();
		assertThat(uc.file(file).orElseThrow().isStored()).isTrue();
		StringBuilder tooMany = new StringBuilder("[");
		for (int i = 0; i < 101; i++) {
			tooMany.append(i == 0 ? "" : ",").append('"').append(missing).append('"');
		}
		assertThat(rest("PUT", "/files/storage/", tooMany + "]").statusCode()).isEqualTo(400);
		JsonNode deleted = Http.json(rest("DELETE", "/files/storage/", "[\"" + file + "\"]"));
		assertThat(deleted.get("result").get(0).get("datetime_removed").isString()).isTrue();
		assertThat(uc.file(file)).isEmpty();
	}

}
