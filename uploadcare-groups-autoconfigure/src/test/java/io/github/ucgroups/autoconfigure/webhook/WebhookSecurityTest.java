package io.github.ucgroups.autoconfigure.webhook;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.github.ucgroups.webhook.FileStoredEvent;
import io.github.ucgroups.webhook.WebhookSignatureVerifier;
import io.github.ucgroups.webhook.WebhookTestData;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's Spring Security example, as written there: only {@code POST} to the webhook path is
 * open (without authentication or a CSRF token); everything else stays protected.
 */
@SpringBootTest(classes = WebhookSecurityTest.App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "uploadcare.public-key=demopublickey", "uploadcare.webhooks.enabled=true",
				"uploadcare.webhooks.signing-secrets=" + WebhookSecurityTest.SECRET, "spring.security.user.name=admin",
				"spring.security.user.password=" + WebhookSecurityTest.PASSWORD })
class WebhookSecurityTest {

	static final String SECRET = "security-test-secret";

	static final String PASSWORD = "pa55word";

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	Stored stored;

	@Autowired
	PrivateController controller;

	@Test
	void letsSignedDeliveriesThroughWithoutLoginOrCsrfToken() throws Exception {
		byte[] body = WebhookTestData.fileStored();
		HttpResponse<String> response = send(HttpRequest.newBuilder(url("/uploadcare/webhooks"))
			.header("Content-Type", "application/json")
			.header(WebhookSignatureVerifier.HEADER, WebhookSignatureVerifier.sign(SECRET, body))
			.POST(HttpRequest.BodyPublishers.ofByteArray(body)));

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(this.stored.events).hasSize(1);
	}

	@Test
	void leavesTheSignatureCheckToTheReceiver() throws Exception {
		HttpResponse<String> response = send(HttpRequest.newBuilder(url("/uploadcare/webhooks"))
			.POST(HttpRequest.BodyPublishers.ofString("{}")));

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.body()).contains("missing X-Uc-Signature");
	}

	@Test
	void protectsEverythingElse() throws Exception {
		assertThat(send(HttpRequest.newBuilder(url("/private")).GET()).statusCode()).isEqualTo(401);
		assertThat(send(HttpRequest.newBuilder(url("/private")).header("Authorization", basic()).GET()).statusCode())
			.isEqualTo(200);
		assertThat(send(HttpRequest.newBuilder(url("/private")).POST(HttpRequest.BodyPublishers.noBody()))
			.statusCode()).isEqualTo(401);
		assertThat(send(HttpRequest.newBuilder(url("/private"))
			.header("Authorization", basic())
			.POST(HttpRequest.BodyPublishers.noBody())).statusCode()).as("CSRF stays on elsewhere").isIn(401, 403);
		assertThat(this.controller.writes).as("no write got through").hasValue(0);
		assertThat(send(HttpRequest.newBuilder(url("/uploadcare/webhooks")).GET()).statusCode())
			.as("only POST is open at the webhook path")
			.isEqualTo(401);
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private URI url(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	private static String basic() {
		return "Basic " + Base64.getEncoder().encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import({ Stored.class, PrivateController.class })
	static class App {

		// As in the README.
		@Bean
		SecurityFilterChain securityFilterChain(HttpSecurity http, UploadcareWebhookProperties webhooks) {
			http.authorizeHttpRequests((requests) -> requests
					.requestMatchers(HttpMethod.POST, webhooks.getPath()).permitAll()
					.anyRequest().authenticated())
				.csrf((csrf) -> csrf.ignoringRequestMatchers(webhooks.getPath()))
				.httpBasic(Customizer.withDefaults());
			return http.build();
		}

	}

	static class Stored {

		final List<FileStoredEvent> events = new CopyOnWriteArrayList<>();

		@EventListener
		void on(FileStoredEvent event) {
			this.events.add(event);
		}

	}

	@RestController
	static class PrivateController {

		@GetMapping("/private")
		String read() {
			return "secret page";
		}

		final AtomicInteger writes = new AtomicInteger();

		@PostMapping("/private")
		String write() {
			this.writes.incrementAndGet();
			return "changed";
		}

	}

}
