package io.github.ucgroups.emulator;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import io.github.ucgroups.emulator.webhooks.WebhookDelivery;

import static io.github.ucgroups.emulator.RestApiContractTest.rest;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The emulator's webhooks: the REST subscription endpoints, and signed deliveries to a local
 * receiver when files are uploaded, stored and deleted; signatures are recomputed by hand here.
 */
class WebhooksContractTest {

	static final String SECRET = "emulator-webhook-secret";

	static UploadcareEmulator uc;

	static HttpServer receiver;

	static final List<Received> received = new CopyOnWriteArrayList<>();

	static volatile int answer = 200;

	record Received(String path, String body, String signature, String contentType) {
	}

	@BeforeAll
	static void start() throws IOException {
		uc = UploadcareEmulator.start();
		receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 10);
		receiver.createContext("/", (exchange) -> {
			byte[] body = exchange.getRequestBody().readAllBytes();
			received.add(new Received(exchange.getRequestURI().getPath(), new String(body, StandardCharsets.UTF_8),
					exchange.getRequestHeaders().getFirst("X-Uc-Signature"),
					exchange.getRequestHeaders().getFirst("Content-Type")));
			exchange.sendResponseHeaders(answer, -1);
			exchange.close();
		});
		receiver.start();
	}

	@AfterAll
	static void stop() {
		receiver.stop(0);
		uc.close();
	}

	@BeforeEach
	void reset() {
		uc.reset();
		received.clear();
		answer = 200;
	}

	static String target(String path) {
		return "http://127.0.0.1:" + receiver.getAddress().getPort() + path;
	}

	static String hmac(String secret, String body) throws Exception {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		return "v1=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
	}

	static JsonNode subscribe(String target, String event, String secret) throws Exception {
		HttpResponse<String> created = rest(uc, "POST", "/webhooks/", "{\"target_url\":\"" + target + "\",\"event\":\""
				+ event + "\",\"is_active\":true,\"signing_secret\":\"" + secret + "\",\"version\":\"0.7\"}");
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		return Http.json(created);
	}

	@Test
	void managesSubscriptionsAsTheRestApiDoes() throws Exception {
		JsonNode created = subscribe(target("/hooks"), "file.stored", SECRET);
		long id = created.get("id").asLong();
		assertThat(created.get("event").asString()).isEqualTo("file.stored");
		assertThat(created.get("target_url").asString()).isEqualTo(target("/hooks"));
		assertThat(created.get("is_active").asBoolean()).isTrue();
		assertThat(created.get("signing_secret").asString()).isEqualTo(SECRET);
		assertThat(created.get("version").asString()).isEqualTo("0.7");
		assertThat(created.get("project").isNumber()).isTrue();
		assertThat(created.get("created").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z");

		HttpResponse<String> duplicate = rest(uc, "POST", "/webhooks/",
				"{\"target_url\":\"" + target("/hooks") + "\",\"event\":\"file.stored\"}");
		assertThat(duplicate.statusCode()).isEqualTo(400);
		assertThat(Http.json(duplicate).get("detail").asString()).contains("already exists");
		long other = subscribe(target("/hooks"), "file.deleted", SECRET).get("id").asLong();

		HttpResponse<String> list = rest(uc, "GET", "/webhooks/", "");
		assertThat(list.statusCode()).isEqualTo(200);
		assertThat(Http.json(list).isArray()).isTrue();
		assertThat(Http.json(list)).hasSize(2);

		HttpResponse<String> updated = rest(uc, "PUT", "/webhooks/" + id + "/", "{\"is_active\":false}");
		assertThat(updated.statusCode()).isEqualTo(200);
		assertThat(Http.json(updated).get("is_active").asBoolean()).isFalse();
		assertThat(Http.json(updated).get("event").asString()).as("unchanged").isEqualTo("file.stored");
		assertThat(rest(uc, "PUT", "/webhooks/" + other + "/", "{\"event\":\"file.stored\"}").statusCode())
			.as("would duplicate the first").isEqualTo(400);
		assertThat(Http.json(rest(uc, "GET", "/webhooks/" + id + "/", "")).get("is_active").asBoolean()).isFalse();

		assertThat(rest(uc, "DELETE", "/webhooks/" + id + "/", "").statusCode()).isEqualTo(204);
		assertThat(rest(uc, "DELETE", "/webhooks/" + id + "/", "").statusCode()).isEqualTo(404);
		assertThat(rest(uc, "PUT", "/webhooks/" + id + "/", "{\"is_active\":true}").statusCode()).isEqualTo(404);
		assertThat(uc.webhooks().subscriptions()).extracting((hook) -> hook.id()).containsExactly(other);
		assertThat(uc.webhooks().subscriptions().get(0).toString()).doesNotContain(SECRET);
	}

	@Test
	void refusesInvalidSubscriptions() throws Exception {
		for (String body : List.of("{\"event\":\"file.stored\"}", "{\"target_url\":\"" + target("/h") + "\"}",
				"{\"target_url\":\"ftp://127.0.0.1/h\",\"event\":\"file.stored\"}",
				"{\"target_url\":\"" + target("/h") + "\",\"event\":\"group.created\"}",
				"{\"target_url\":\"" + target("/h") + "\",\"event\":\"file.stored\",\"signing_secret\":\""
						+ "s".repeat(33) + "\"}",
				"{\"target_url\":\"" + target("/h") + "\",\"event\":\"file.stored\",\"version\":\"9.9\"}",
				"{\"target_url\":\"" + target("/h") + "\",\"event\":\"file.stored\",\"is_active\":\"maybe\"}",
				"[1]", "{nope")) {
			HttpResponse<String> response = rest(uc, "POST", "/webhooks/", body);
			assertThat(response.statusCode()).as(body).isEqualTo(400);
			assertThat(Http.json(response).get("detail").asString()).as(body).isNotBlank();
		}
		assertThat(uc.webhooks().subscriptions()).isEmpty();
	}

	@Test
	void needsASignedRequest() throws Exception {
		HttpResponse<String> wrong = rest("GET", URI.create(uc.restUrl() + "/webhooks/"), "", ZonedDateTime.now(),
				"not-the-secret-key");
		assertThat(wrong.statusCode()).isEqualTo(401);
	}

	@Test
	void acceptsFormBodiesAndUnsubscribesByTargetUrl() throws Exception {
		String form = "target_url=" + java.net.URLEncoder.encode(target("/form"), StandardCharsets.UTF_8)
				+ "&event=file.uploaded&is_active=True";
		HttpResponse<String> created = signedForm("POST", "/webhooks/", form);
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		assertThat(Http.json(created).get("signing_secret").isNull()).isTrue();
		subscribe(target("/form"), "file.stored", SECRET);
		subscribe(target("/kept"), "file.stored", SECRET);

		HttpResponse<String> unsubscribed = signedForm("DELETE", "/webhooks/unsubscribe/",
				"target_url=" + java.net.URLEncoder.encode(target("/form"), StandardCharsets.UTF_8));

		assertThat(unsubscribed.statusCode()).isEqualTo(204);
		assertThat(uc.webhooks().subscriptions()).extracting((hook) -> hook.targetUrl()).containsExactly(target("/kept"));
	}

	@Test
	void deliversSignedEventsWhenFilesAreUploadedStoredAndDeleted() throws Exception {
		subscribe(target("/hooks"), "file.uploaded", SECRET);
		subscribe(target("/hooks"), "file.stored", SECRET);
		subscribe(target("/hooks"), "file.deleted", SECRET);

		HttpResponse<String> upload = Http.post(Http.uri(uc.uploadUrl(), "/base/"), new Http.Multipart()
			.field("UPLOADCARE_PUB_KEY", "demopublickey")
			.field("UPLOADCARE_STORE", "0")
			.file("file", "hello.txt", "text/plain", "hello".getBytes(StandardCharsets.UTF_8)));
		String uuid = Http.json(upload).get("file").asString();
		uc.webhooks().awaitDeliveries(1, Duration.ofSeconds(10));
		assertThat(rest(uc, "PUT", "/files/storage/", "[\"" + uuid + "\"]").statusCode()).isEqualTo(200);
		uc.webhooks().awaitDeliveries(2, Duration.ofSeconds(10));
		assertThat(rest(uc, "PUT", "/files/storage/", "[\"" + uuid + "\"]").statusCode()).isEqualTo(200);
		assertThat(rest(uc, "DELETE", "/files/storage/", "[\"" + uuid + "\"]").statusCode()).isEqualTo(200);
		uc.webhooks().awaitDeliveries(3, Duration.ofSeconds(10));

		assertThat(received).extracting((delivery) -> Http.JSON.readTree(delivery.body()).at("/hook/event").asString())
			.as("storing an already stored file sends nothing").containsExactly("file.uploaded", "file.stored", "file.deleted");
		for (Received delivery : received) {
			assertThat(delivery.signature()).isEqualTo(hmac(SECRET, delivery.body()));
			assertThat(delivery.contentType()).isEqualTo("application/json");
			assertThat(delivery.path()).isEqualTo("/hooks");
			JsonNode payload = Http.JSON.readTree(delivery.body());
			assertThat(payload.at("/hook/project_pub_key").asString()).isEqualTo("demopublickey");
			assertThat(payload.at("/hook/target").asString()).isEqualTo(target("/hooks"));
			assertThat(payload.at("/hook/version").asString()).isEqualTo("0.7");
			assertThat(payload.at("/initiator/type").asString()).isEqualTo("api");
			assertThat(payload.at("/data/uuid").asString()).isEqualTo(uuid);
			assertThat(payload.at("/data/original_filename").asString()).isEqualTo("hello.txt");
			assertThat(payload.get("file").asString()).isEqualTo(payload.at("/data/original_file_url").asString())
				.startsWith(uc.cdnUrl().toString());
		}
		JsonNode uploaded = Http.JSON.readTree(received.get(0).body());
		JsonNode stored = Http.JSON.readTree(received.get(1).body());
		JsonNode deleted = Http.JSON.readTree(received.get(2).body());
		assertThat(uploaded.at("/data/datetime_stored").isNull()).isTrue();
		assertThat(stored.at("/data/datetime_stored").isNull()).isFalse();
		assertThat(deleted.at("/data/datetime_removed").isNull()).isFalse();
		assertThat(uc.webhooks().deliveries()).hasSize(3).allSatisfy((delivery) -> {
			assertThat(delivery.accepted()).isTrue();
			assertThat(delivery.toString()).doesNotContain(delivery.signature().substring(3));
		});
	}

	@Test
	void sendsNothingToInactiveOrOtherSubscriptions() throws Exception {
		long inactive = subscribe(target("/inactive"), "file.uploaded", SECRET).get("id").asLong();
		rest(uc, "PUT", "/webhooks/" + inactive + "/", "{\"is_active\":false}");
		subscribe(target("/deleted-only"), "file.deleted", SECRET);
		subscribe(target("/uploads"), "file.uploaded", SECRET);

		uc.store().addFile(uc.store().readContent(new java.io.ByteArrayInputStream(new byte[] { 1 })), "a.bin",
				"application/octet-stream", false, Map.of());

		uc.webhooks().awaitDeliveries(1, Duration.ofSeconds(10));
		Thread.sleep(200);
		assertThat(received).extracting(Received::path).containsExactly("/uploads");
	}

	@Test
	void signsTheNextDeliveryWronglyOnRequest() throws Exception {
		subscribe(target("/hooks"), "file.uploaded", SECRET);
		answer = 401;
		uc.webhooks().signNextDeliveryWrongly();
		uc.addFile(new byte[] { 1 }, "a.bin", "application/octet-stream");
		uc.addFile(new byte[] { 2 }, "b.bin", "application/octet-stream");

		List<WebhookDelivery> deliveries = uc.webhooks().awaitDeliveries(2, Duration.ofSeconds(10));
		assertThat(deliveries.get(0).wronglySigned()).isTrue();
		assertThat(deliveries.get(0).status()).isEqualTo(401);
		assertThat(received.get(0).signature()).isNotEqualTo(hmac(SECRET, received.get(0).body())).startsWith("v1=");
		assertThat(deliveries.get(1).wronglySigned()).isFalse();
		assertThat(received.get(1).signature()).isEqualTo(hmac(SECRET, received.get(1).body()));
	}

	@Test
	void deliversTheNextDeliveryTwiceAndReplaysOnRequest() throws Exception {
		subscribe(target("/hooks"), "file.uploaded", SECRET);
		uc.webhooks().deliverNextTwice();
		uc.addFile(new byte[] { 1 }, "a.bin", "application/octet-stream");

		List<WebhookDelivery> deliveries = uc.webhooks().awaitDeliveries(2, Duration.ofSeconds(10));
		assertThat(received).hasSize(2);
		assertThat(received.get(1).body()).isEqualTo(received.get(0).body());
		assertThat(received.get(1).signature()).isEqualTo(received.get(0).signature());

		WebhookDelivery replay = uc.webhooks().redeliver(deliveries.get(0));
		assertThat(replay.accepted()).isTrue();
		assertThat(received).hasSize(3);
		assertThat(received.get(2).body()).isEqualTo(received.get(0).body());
		uc.addFile(new byte[] { 2 }, "b.bin", "application/octet-stream");
		uc.webhooks().awaitDeliveries(4, Duration.ofSeconds(10));
		Thread.sleep(200);
		assertThat(received).as("only the next one is doubled").hasSize(4);
	}

	@Test
	void postsOnlyToLoopbackHosts() throws Exception {
		subscribe("http://webhooks.example.com/hooks", "file.uploaded", SECRET);
		uc.addFile(new byte[] { 1 }, "a.bin", "application/octet-stream");

		WebhookDelivery delivery = uc.webhooks().awaitDeliveries(1, Duration.ofSeconds(10)).get(0);
		assertThat(delivery.status()).isZero();
		assertThat(delivery.error()).contains("loopback");
	}

	static HttpResponse<String> signedForm(String method, String path, String body) throws Exception {
		String date = RestApiContractTest.date(ZonedDateTime.now());
		String contentType = "application/x-www-form-urlencoded";
		String signature = RestApiContractTest.sign("demosecretkey", method, body, contentType, date, path);
		return Http.send(HttpRequest.newBuilder(URI.create(uc.restUrl() + path))
			.header("Accept", RestApiContractTest.ACCEPT)
			.header("Content-Type", contentType)
			.header("Date", date)
			.header("Authorization", "Uploadcare demopublickey:" + signature)
			.method(method, HttpRequest.BodyPublishers.ofString(body))
			.build());
	}

}
