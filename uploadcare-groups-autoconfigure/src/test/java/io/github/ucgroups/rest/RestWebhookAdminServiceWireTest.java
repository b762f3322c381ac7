package io.github.ucgroups.rest;

import java.net.InetAddress;
import java.net.URI;
import java.time.Instant;
import java.util.List;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.github.ucgroups.UploadcareInvalidRequestException;
import io.github.ucgroups.UploadcareNotFoundException;
import io.github.ucgroups.WebhookAdminService;
import io.github.ucgroups.WebhookRegistration;
import io.github.ucgroups.WebhookSubscription;
import io.github.ucgroups.WebhookSubscriptionRequest;
import io.github.ucgroups.autoconfigure.UploadcareRestAutoConfiguration;
import io.github.ucgroups.testsupport.TestKeys;
import io.github.ucgroups.testsupport.Wire;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static io.github.ucgroups.testsupport.Wire.fixture;
import static io.github.ucgroups.testsupport.Wire.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Webhook subscriptions over the REST API against a local server: exact requests, signatures, answers. */
@ExtendWith(OutputCaptureExtension.class)
class RestWebhookAdminServiceWireTest {

	static final URI TARGET = URI.create("https://app.example.com/uploadcare/webhooks");

	static final String SECRET = "whsec-0123456789abcdef";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private MockWebServer server;

	@BeforeEach
	void start() throws Exception {
		this.server = new MockWebServer();
		this.server.start(InetAddress.getLoopbackAddress(), 0);
	}

	@AfterEach
	void stop() {
		this.server.close();
	}

	private void withService(ServiceTest test) {
		Wire.runner(this.server)
			.withConfiguration(AutoConfigurations.of(UploadcareRestAutoConfiguration.class))
			.withPropertyValues("uploadcare.secret-key=" + TestKeys.SECRET_KEY, "uploadcare.rest-url=" + Wire.baseUrl(this.server))
			.run((context) -> test.run(context.getBean(WebhookAdminService.class)));
	}

	@Test
	void listsTheProjectsSubscriptions() {
		this.server.enqueue(json(200, fixture("webhooks-list-response.json")));
		withService((webhooks) -> {
			List<WebhookSubscription> list = webhooks.listWebhooks();

			assertThat(list).singleElement().satisfies((subscription) -> {
				assertThat(subscription.id()).isEqualTo(1234);
				assertThat(subscription.event()).isEqualTo("file.uploaded");
				assertThat(subscription.targetUrl()).isEqualTo(URI.create("http://example.com/hooks/receiver"));
				assertThat(subscription.active()).isFalse();
				assertThat(subscription.version()).isEqualTo("0.7");
				assertThat(subscription.signingSecret()).isEqualTo("7kMVZivndx0ErgvhRKAr");
				assertThat(subscription.createdAt()).isEqualTo(Instant.parse("2018-11-26T12:49:10.477888Z"));
				assertThat(subscription.toString()).doesNotContain("7kMVZivndx0ErgvhRKAr").contains("signingSecret=******");
			});
			RecordedRequest request = Wire.take(this.server);
			assertThat(request.getMethod()).isEqualTo("GET");
			assertThat(request.getTarget()).isEqualTo("/webhooks/");
			RestGroupAdminServiceWireTestAccess.assertSigned(request, TestKeys.PUBLIC_KEY, TestKeys.SECRET_KEY);
		});
	}

	@Test
	void createsASubscriptionWithAJsonBody() {
		this.server.enqueue(json(201, fixture("webhook-created-response.json")));
		withService((webhooks) -> {
			WebhookSubscription created = webhooks.createWebhook(WebhookSubscriptionRequest
				.of(URI.create("https://webhook.site/699ba5a4-b178-41c7-b416-5d1b6739d052"), "file.uploaded")
				.withActive(true)
				.withSigningSecret(SECRET)
				.withVersion("0.7"));

			assertThat(created.id()).isEqualTo(847096);
			assertThat(created.signed()).isFalse();
			assertThat(created.version()).isNull();
			RecordedRequest request = Wire.take(this.server);
			assertThat(request.getMethod()).isEqualTo("POST");
			assertThat(request.getTarget()).isEqualTo("/webhooks/");
			assertThat(request.getBody().utf8()).isEqualTo("{\"target_url\":\"https://webhook.site/"
					+ "699ba5a4-b178-41c7-b416-5d1b6739d052\",\"event\":\"file.uploaded\",\"is_active\":true,"
					+ "\"signing_secret\":\"" + SECRET + "\",\"version\":\"0.7\"}");
			RestGroupAdminServiceWireTestAccess.assertSigned(request, TestKeys.PUBLIC_KEY, TestKeys.SECRET_KEY);
		});
	}

	@Test
	void updatesOnlyTheFieldsThatAreSet() {
		this.server.enqueue(json(200, fixture("webhook-updated-response.json")));
		withService((webhooks) -> {
			WebhookSubscription updated = webhooks.updateWebhook(847096, WebhookSubscriptionRequest.changes().withActive(false));

			assertThat(updated.active()).isFalse();
			assertThat(updated.updatedAt()).isEqualTo(Instant.parse("2021-10-06T14:37:54.715338Z"));
			RecordedRequest request = Wire.take(this.server);
			assertThat(request.getMethod()).isEqualTo("PUT");
			assertThat(request.getTarget()).isEqualTo("/webhooks/847096/");
			assertThat(request.getBody().utf8()).isEqualTo("{\"is_active\":false}");
			RestGroupAdminServiceWireTestAccess.assertSigned(request, TestKeys.PUBLIC_KEY, TestKeys.SECRET_KEY);
		});
	}

	@Test
	void deletesASubscription() {
		this.server.enqueue(new MockResponse.Builder().code(204).build());
		withService((webhooks) -> {
			webhooks.deleteWebhook(847096);

			RecordedRequest request = Wire.take(this.server);
			assertThat(request.getMethod()).isEqualTo("DELETE");
			assertThat(request.getTarget()).isEqualTo("/webhooks/847096/");
			RestGroupAdminServiceWireTestAccess.assertSigned(request, TestKeys.PUBLIC_KEY, TestKeys.SECRET_KEY);
		});
	}

	@Test
	void decodesRefusalsWithoutEchoingTheSecret() {
		this.server.enqueue(json(400, "{\"detail\":\"Webhook with this target_url and event already exists.\"}"));
		this.server.enqueue(json(404, "{\"detail\":\"Not found.\"}"));
		withService((webhooks) -> {
			assertThatExceptionOfType(UploadcareInvalidRequestException.class)
				.isThrownBy(() -> webhooks.createWebhook(WebhookSubscriptionRequest.of(TARGET, "file.stored")
					.withSigningSecret(SECRET)))
				.withMessageContaining("already exists")
				.withMessageNotContaining(SECRET);
			assertThatExceptionOfType(UploadcareNotFoundException.class)
				.isThrownBy(() -> webhooks.updateWebhook(1, WebhookSubscriptionRequest.changes().withActive(true)));
		});
	}

	@Test
	void checksEveryValueBeforeAnyRequest() {
		withService((webhooks) -> {
			assertThatIllegalArgumentException()
				.isThrownBy(() -> webhooks.createWebhook(WebhookSubscriptionRequest.changes().withEvent("file.stored")))
				.withMessageContaining("target URL and an event");
			assertThatIllegalArgumentException()
				.isThrownBy(() -> WebhookSubscriptionRequest.of(URI.create("ftp://example.com/x"), "file.stored"))
				.withMessageContaining("absolute http or https URL");
			assertThatIllegalArgumentException()
				.isThrownBy(() -> WebhookSubscriptionRequest.of(URI.create("/relative"), "file.stored"));
			assertThatIllegalArgumentException()
				.isThrownBy(() -> WebhookSubscriptionRequest.of(URI.create("https://example.com/" + "x".repeat(250)),
						"file.stored"))
				.withMessageContaining("at most 255");
			assertThatIllegalArgumentException()
				.isThrownBy(() -> WebhookSubscriptionRequest.of(TARGET, "FILE STORED"))
				.withMessageContaining("FILE STORED");
			String overlong = "k".repeat(33);
			assertThatIllegalArgumentException()
				.isThrownBy(() -> WebhookSubscriptionRequest.of(TARGET, "file.stored").withSigningSecret(overlong))
				.withMessageContaining("33 characters")
				.withMessageNotContaining(overlong);
			assertThatIllegalArgumentException()
				.isThrownBy(() -> webhooks.updateWebhook(1, WebhookSubscriptionRequest.changes()))
				.withMessageContaining("changes nothing");
			assertThatIllegalArgumentException()
				.isThrownBy(() -> webhooks.ensureSubscribed(TARGET, List.of(), SECRET))
				.withMessageContaining("at least one");
			assertThat(this.server.getRequestCount()).isZero();
		});
		assertThat(WebhookSubscriptionRequest.of(TARGET, "file.stored").withSigningSecret(SECRET).toString())
			.doesNotContain(SECRET);
	}

	@Test
	void ensureSubscribedCreatesWhatIsMissingUpdatesWhatDiffersAndLeavesTheRest() throws Exception {
		this.server.enqueue(json(200, "[" + subscription(1, "file.stored", TARGET, true, SECRET) + ","
				+ subscription(2, "file.uploaded", TARGET, false, SECRET) + ","
				+ subscription(3, "file.deleted", TARGET, true, "an-older-secret") + ","
				+ subscription(4, "file.stored", URI.create("https://other.example.com/hooks"), true, null) + ","
				+ subscription(5, "file.infected", TARGET, false, null) + "]"));
		this.server.enqueue(json(200, subscription(2, "file.uploaded", TARGET, true, SECRET)));
		this.server.enqueue(json(200, subscription(3, "file.deleted", TARGET, true, SECRET)));
		this.server.enqueue(json(201, subscription(6, "file.info_updated", TARGET, true, SECRET)));
		withService((webhooks) -> {
			WebhookRegistration registration = webhooks.ensureSubscribed(TARGET,
					List.of("file.uploaded", "file.stored", "file.deleted", "file.info_updated"), SECRET);

			assertThat(registration.unchanged()).extracting(WebhookSubscription::id).containsExactly(1L);
			assertThat(registration.updated()).extracting(WebhookSubscription::id).containsExactly(2L, 3L);
			assertThat(registration.created()).extracting(WebhookSubscription::id).containsExactly(6L);
			assertThat(Wire.take(this.server).getTarget()).isEqualTo("/webhooks/");
			RecordedRequest activate = Wire.take(this.server);
			assertThat(activate.getMethod() + " " + activate.getTarget()).isEqualTo("PUT /webhooks/2/");
			assertThat(activate.getBody().utf8()).isEqualTo("{\"is_active\":true}");
			RecordedRequest resecret = Wire.take(this.server);
			assertThat(resecret.getMethod() + " " + resecret.getTarget()).isEqualTo("PUT /webhooks/3/");
			assertThat(resecret.getBody().utf8()).isEqualTo("{\"signing_secret\":\"" + SECRET + "\"}");
			RecordedRequest create = Wire.take(this.server);
			assertThat(create.getMethod() + " " + create.getTarget()).isEqualTo("POST /webhooks/");
			JsonNode body = JSON.readTree(create.getBody().utf8());
			assertThat(body.path("target_url").asString()).isEqualTo(TARGET.toString());
			assertThat(body.path("event").asString()).isEqualTo("file.info_updated");
			assertThat(body.path("is_active").asBoolean()).isTrue();
			assertThat(body.path("signing_secret").asString()).isEqualTo(SECRET);
			assertThat(body.path("version").asString()).isEqualTo("0.7");
			assertThat(this.server.getRequestCount()).as("subscriptions 4 and 5 are left alone").isEqualTo(4);
		});
	}

	@Test
	void ensureSubscribedIsIdempotent() {
		this.server.enqueue(json(200, "[" + subscription(1, "file.stored", TARGET, true, SECRET) + ","
				+ subscription(2, "file.deleted", TARGET, true, SECRET) + "]"));
		withService((webhooks) -> {
			WebhookRegistration again = webhooks.ensureSubscribed(TARGET, List.of("file.stored", "file.deleted"), SECRET);

			assertThat(again.changed()).isFalse();
			assertThat(again.unchanged()).hasSize(2);
			assertThat(this.server.getRequestCount()).as("only the list").isEqualTo(1);
		});
	}

	@Test
	void neverLogsTheSigningSecretAtDebug(CapturedOutput output) {
		LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());
		logging.setLogLevel("org.springframework.web.client", LogLevel.DEBUG);
		logging.setLogLevel("io.github.ucgroups", LogLevel.DEBUG);
		try {
			this.server.enqueue(json(200, "[]"));
			this.server.enqueue(json(201, subscription(9, "file.stored", TARGET, true, SECRET)));
			withService((webhooks) -> webhooks.ensureSubscribed(TARGET, List.of("file.stored"), SECRET));
			// DEBUG is on (request bodies are logged as opaque byte arrays), and the secret is nowhere.
			assertThat(output.getAll()).contains("DefaultRestClient -- Writing [").doesNotContain(SECRET);
		}
		finally {
			logging.setLogLevel("org.springframework.web.client", null);
			logging.setLogLevel("io.github.ucgroups", null);
		}
	}

	static String subscription(long id, String event, URI target, boolean active, @Nullable String secret) {
		return "{\"id\":" + id + ",\"project\":13,\"created\":\"2026-01-01T00:00:00.000000Z\",\"updated\":"
				+ "\"2026-01-01T00:00:00.000000Z\",\"event\":\"" + event + "\",\"target_url\":\"" + target
				+ "\",\"is_active\":" + active + ",\"version\":\"0.7\",\"signing_secret\":"
				+ ((secret != null) ? "\"" + secret + "\"" : "null") + "}";
	}

	@FunctionalInterface
	interface ServiceTest {

		void run(WebhookAdminService webhooks) throws Exception;

	}

}
