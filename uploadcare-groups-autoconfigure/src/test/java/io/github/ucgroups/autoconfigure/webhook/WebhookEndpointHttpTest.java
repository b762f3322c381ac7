package io.github.ucgroups.autoconfigure.webhook;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.github.ucgroups.testsupport.NoSecurity;
import io.github.ucgroups.webhook.FileStoredEvent;
import io.github.ucgroups.webhook.FileUploadedEvent;
import io.github.ucgroups.webhook.UploadcareWebhookEvent;
import io.github.ucgroups.webhook.WebhookSignatureVerifier;
import io.github.ucgroups.webhook.WebhookTestData;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;

import static org.assertj.core.api.Assertions.assertThat;

/** The receiver over real HTTP: status codes, what is published, what is never logged. */
@SpringBootTest(classes = WebhookEndpointHttpTest.App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { NoSecurity.PROPERTY, "uploadcare.public-key=demopublickey", "uploadcare.webhooks.enabled=true",
				"uploadcare.webhooks.path=/hooks/uploadcare",
				"uploadcare.webhooks.signing-secrets=" + WebhookEndpointHttpTest.CURRENT + ","
						+ WebhookTestData.RUBY_VECTOR_SECRET,
				"uploadcare.webhooks.max-body-size=4KB", "logging.level.io.github.ucgroups=DEBUG",
				"logging.level.org.springframework.web=DEBUG" })
@ExtendWith(OutputCaptureExtension.class)
class WebhookEndpointHttpTest {

	static final String CURRENT = "current-s3cret-value";

	private static final AtomicInteger hookIds = new AtomicInteger(500_000);

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	Received received;

	@BeforeEach
	void clear() {
		this.received.all.clear();
		this.received.stored.clear();
		this.received.failNext = null;
	}

	@Test
	void publishesAVerifiedDeliveryAsATypedEvent() throws Exception {
		byte[] body = unique(WebhookTestData.fileStored());
		HttpResponse<String> response = post(body, WebhookSignatureVerifier.sign(CURRENT, body));

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(this.received.all).singleElement().isInstanceOf(FileStoredEvent.class);
		assertThat(this.received.stored).singleElement()
			.satisfies((event) -> assertThat(event.getFile().uuid()).isEqualTo(WebhookTestData.FILE_UUID));
	}

	@Test
	void acceptsUploadcareRubysVectorWithTheOlderSecretOfARotation() throws Exception {
		HttpResponse<String> response = post(WebhookTestData.rubyVectorBody(), WebhookTestData.RUBY_VECTOR_SIGNATURE);

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(this.received.all).singleElement().isInstanceOf(FileUploadedEvent.class);
	}

	@Test
	void refusesAMissingSignatureWith401AndPublishesNothing() throws Exception {
		HttpResponse<String> response = post(unique(WebhookTestData.fileStored()), null);

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.body()).contains("missing X-Uc-Signature");
		assertThat(this.received.all).isEmpty();
	}

	@Test
	void refusesAWrongSignatureWith401AndPublishesNothing() throws Exception {
		byte[] body = unique(WebhookTestData.fileStored());
		byte[] other = unique(WebhookTestData.fileStored());

		assertThat(post(body, WebhookSignatureVerifier.sign(CURRENT, other)).statusCode()).isEqualTo(401);
		assertThat(post(body, "v1=" + "0".repeat(64)).statusCode()).isEqualTo(401);
		assertThat(post(body, "garbage").statusCode()).isEqualTo(401);
		assertThat(this.received.all).isEmpty();
	}

	@Test
	void refusesASignatureMadeWithAnotherSecret() throws Exception {
		byte[] body = unique(WebhookTestData.fileStored());
		HttpResponse<String> response = post(body, WebhookSignatureVerifier.sign("a-secret-we-never-had", body));

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.body()).isEqualTo("invalid signature");
		assertThat(this.received.all).isEmpty();
	}

	@Test
	void publishesAReplayedDeliveryOnce() throws Exception {
		byte[] body = unique(WebhookTestData.fileStored());
		String signature = WebhookSignatureVerifier.sign(CURRENT, body);

		assertThat(post(body, signature).statusCode()).isEqualTo(200);
		HttpResponse<String> replay = post(body, signature);

		assertThat(replay.statusCode()).isEqualTo(200);
		assertThat(replay.body()).isEqualTo("already received");
		assertThat(this.received.all).hasSize(1);
	}

	@Test
	void refusesAnOversizedBodyWith413WhetherOrNotItsLengthIsDeclared() throws Exception {
		String padding = "x".repeat(5000);
		String text = new String(unique(WebhookTestData.fileStored()), StandardCharsets.UTF_8);
		byte[] body = (text.substring(0, text.length() - 1) + ",\"padding\":\"" + padding + "\"}")
			.getBytes(StandardCharsets.UTF_8);
		String signature = WebhookSignatureVerifier.sign(CURRENT, body);

		assertThat(post(body, signature).statusCode()).as("Content-Length").isEqualTo(413);
		HttpResponse<String> chunked = this.http.send(request()
			.header(WebhookSignatureVerifier.HEADER, signature)
			.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(chunked.statusCode()).as("chunked").isEqualTo(413);
		assertThat(this.received.all).isEmpty();
	}

	@Test
	void refusesAMalformedSignedBodyWith400() throws Exception {
		byte[] body = "{\"hook\": {\"event\": \"file.stored\"".getBytes(StandardCharsets.UTF_8);
		HttpResponse<String> response = post(body, WebhookSignatureVerifier.sign(CURRENT, body));

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(this.received.all).isEmpty();
		byte[] noFile = "{\"hook\":{\"id\":1,\"event\":\"file.stored\"}}".getBytes(StandardCharsets.UTF_8);
		assertThat(post(noFile, WebhookSignatureVerifier.sign(CURRENT, noFile)).statusCode()).isEqualTo(400);
		assertThat(this.received.all).isEmpty();
	}

	@Test
	void publishesAnUnknownKindAsTheGenericEvent() throws Exception {
		byte[] body = unique(WebhookTestData.delivery("project.renamed"));
		assertThat(post(body, WebhookSignatureVerifier.sign(CURRENT, body)).statusCode()).isEqualTo(200);

		assertThat(this.received.all).singleElement().satisfies((event) -> {
			assertThat(event.getClass()).isEqualTo(UploadcareWebhookEvent.class);
			assertThat(event.getEventType()).isEqualTo("project.renamed");
			assertThat(event.getBody()).isEqualTo(new String(body, StandardCharsets.UTF_8));
		});
	}

	@Test
	void answers500WhenAListenerFailsAndPublishesUploadcaresRetry() throws Exception {
		byte[] body = unique(WebhookTestData.fileStored());
		String signature = WebhookSignatureVerifier.sign(CURRENT, body);
		this.received.failNext = new IllegalStateException("database down");

		assertThat(post(body, signature).statusCode()).isEqualTo(500);
		assertThat(this.received.all).isEmpty();
		assertThat(post(body, signature).statusCode()).as("the retry").isEqualTo(200);
		assertThat(this.received.all).hasSize(1);
	}

	@Test
	void answersOnlyPostAtItsPath() throws Exception {
		HttpResponse<String> get = this.http.send(request().GET().build(), HttpResponse.BodyHandlers.ofString());
		assertThat(get.statusCode()).isNotEqualTo(200);
		byte[] body = unique(WebhookTestData.fileStored());
		HttpResponse<String> elsewhere = this.http.send(HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/uploadcare/webhooks"))
			.header(WebhookSignatureVerifier.HEADER, WebhookSignatureVerifier.sign(CURRENT, body))
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(elsewhere.statusCode()).as("the default path is not mapped").isEqualTo(404);
		assertThat(this.received.all).isEmpty();
	}

	@Test
	void neverLogsTheSecretsOrSignatures(CapturedOutput output) throws Exception {
		byte[] body = unique(WebhookTestData.fileStored());
		String signature = WebhookSignatureVerifier.sign(CURRENT, body);
		post(body, signature);
		post(body, signature);
		post(unique(WebhookTestData.fileStored()), signature);
		byte[] other = unique(WebhookTestData.fileStored());
		String olderSignature = WebhookSignatureVerifier.sign(WebhookTestData.RUBY_VECTOR_SECRET, other);
		post(other, olderSignature);

		assertThat(output.getAll()).contains("Published FileStoredEvent")
			.contains("signature matches none")
			.doesNotContain(CURRENT)
			.doesNotContain(WebhookTestData.RUBY_VECTOR_SECRET)
			.doesNotContain(signature.substring(3))
			.doesNotContain(olderSignature.substring(3));
	}

	private HttpResponse<String> post(byte[] body, @Nullable String signature) throws Exception {
		HttpRequest.Builder request = request().header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofByteArray(body));
		if (signature != null) {
			request.header(WebhookSignatureVerifier.HEADER, signature);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpRequest.Builder request() {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/hooks/uploadcare"));
	}

	/** The delivery with a hook id of its own, so that de-duplication does not join tests. */
	static byte[] unique(byte[] delivery) {
		return new String(delivery, StandardCharsets.UTF_8).replace("\"id\":1283756", "\"id\":" + hookIds.incrementAndGet())
			.getBytes(StandardCharsets.UTF_8);
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(Received.class)
	static class App {

	}

	/** Collects what the receiver publishes. */
	static class Received {

		final List<UploadcareWebhookEvent> all = new CopyOnWriteArrayList<>();

		final List<FileStoredEvent> stored = new CopyOnWriteArrayList<>();

		volatile @Nullable RuntimeException failNext;

		@EventListener
		void on(UploadcareWebhookEvent event) {
			RuntimeException failure = this.failNext;
			if (failure != null) {
				this.failNext = null;
				throw failure;
			}
			this.all.add(event);
		}

		@EventListener
		void onStored(FileStoredEvent event) {
			this.stored.add(event);
		}

	}

}
