package io.github.ucgroups.emulator.webhooks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

import io.github.ucgroups.emulator.auth.Crypto;

/**
 * Posts deliveries with the JDK's HttpClient, one after another on one thread (so a file's
 * {@code file.uploaded} arrives before its {@code file.stored}), signing each body as Uploadcare
 * does: {@code X-Uc-Signature: v1=<hex HMAC-SHA256(signing secret, body)>}. Only hosts the
 * emulator may call (loopback by default) are posted to.
 */
final class WebhookDispatcher implements AutoCloseable {

	static final String SIGNATURE_HEADER = "X-Uc-Signature";

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private final ExecutorService sender;

	private final HttpClient http;

	private final Predicate<String> hostAllowed;

	private final Clock clock;

	WebhookDispatcher(Predicate<String> hostAllowed, Clock clock) {
		this.hostAllowed = hostAllowed;
		this.clock = clock;
		this.sender = Executors.newSingleThreadExecutor((runnable) -> {
			Thread thread = new Thread(runnable, "uploadcare-emulator-webhooks");
			thread.setDaemon(true);
			return thread;
		});
		// The client has its own executor: a synchronous send must not wait for the sender thread it blocks.
		this.http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
	}

	/** Signs a body: {@code v1=} and the lower-case hex HMAC-SHA256. */
	static String sign(String secret, byte[] body) {
		return "v1=" + HexFormat.of().formatHex(Crypto.hmac("HmacSHA256", secret.getBytes(StandardCharsets.UTF_8), body));
	}

	/**
	 * Sends a delivery later, on the sender thread.
	 * @param delivery what to send (status not yet known)
	 * @param times how many times to send it
	 * @param sent told of each result
	 */
	void sendLater(WebhookDelivery delivery, int times, Consumer<WebhookDelivery> sent) {
		try {
			this.sender.execute(() -> {
				for (int i = 0; i < times; i++) {
					sent.accept(send(delivery));
				}
			});
		}
		catch (RejectedExecutionException ex) {
			// closed: the emulator is stopping
		}
	}

	/**
	 * Sends a delivery now, in the calling thread.
	 * @param delivery what to send
	 * @return the delivery with the target's answer
	 */
	WebhookDelivery send(WebhookDelivery delivery) {
		URI target;
		try {
			target = URI.create(delivery.targetUrl());
		}
		catch (IllegalArgumentException ex) {
			return answered(delivery, 0, "not a URL");
		}
		String host = (target.getHost() != null) ? target.getHost().toLowerCase(Locale.ROOT) : "";
		if (!this.hostAllowed.test(host)) {
			return answered(delivery, 0, "not sent: the emulator posts only to allowed (loopback) hosts, not " + host);
		}
		HttpRequest.Builder request = HttpRequest.newBuilder(target)
			.timeout(TIMEOUT)
			.header("Content-Type", "application/json")
			.header("User-Agent", "UploadcareEmulator-Webhooks")
			.POST(HttpRequest.BodyPublishers.ofString(delivery.body(), StandardCharsets.UTF_8));
		if (delivery.signature() != null) {
			request.header(SIGNATURE_HEADER, delivery.signature());
		}
		try {
			HttpResponse<Void> response = this.http.send(request.build(), HttpResponse.BodyHandlers.discarding());
			return answered(delivery, response.statusCode(), null);
		}
		catch (IOException ex) {
			return answered(delivery, 0, ex.getClass().getSimpleName() + ": " + ex.getMessage());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return answered(delivery, 0, "interrupted");
		}
	}

	private WebhookDelivery answered(WebhookDelivery delivery, int status, @Nullable String error) {
		return new WebhookDelivery(delivery.hookId(), delivery.event(), delivery.targetUrl(), delivery.body(),
				delivery.signature(), delivery.wronglySigned(), status, error, this.clock.instant());
	}

	@Override
	public void close() {
		this.sender.shutdownNow();
		try {
			this.sender.awaitTermination(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
