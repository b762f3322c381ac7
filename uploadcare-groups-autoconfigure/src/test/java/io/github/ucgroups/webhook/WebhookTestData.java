package io.github.ucgroups.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Webhook deliveries for tests: the uploadcare-ruby vector and v0.7 payloads of every kind. */
public final class WebhookTestData {

	/** The secret of uploadcare-ruby's signature test vector. */
	public static final String RUBY_VECTOR_SECRET = "12345X";

	/** The signature header of uploadcare-ruby's test vector. */
	public static final String RUBY_VECTOR_SIGNATURE = "v1=9b31c7dd83fdbf4a2e12b19d7f2b9d87d547672a325b9492457292db4f513c70";

	public static final String FILE_UUID = "f5c4ee6e-f41a-4ff2-a86e-a3e92bcc334d";

	private WebhookTestData() {
	}

	/** The exact bytes of uploadcare-ruby's signature test vector body. */
	public static byte[] rubyVectorBody() {
		return resource("ruby-signature-vector-body.json");
	}

	/** A v0.7 {@code file.stored} delivery. */
	public static byte[] fileStored() {
		return resource("file-stored-delivery.json");
	}

	/** The {@code file.stored} delivery with another event type (and hook id, so the body differs). */
	public static byte[] delivery(String eventType) {
		String body = new String(fileStored(), StandardCharsets.UTF_8);
		return body.replace("\"event\":\"file.stored\"", "\"event\":\"" + eventType + "\"")
			.getBytes(StandardCharsets.UTF_8);
	}

	/** A {@code file.info_updated} delivery with {@code previous_values}. */
	public static byte[] infoUpdated() {
		String body = new String(delivery("file.info_updated"), StandardCharsets.UTF_8);
		return (body.substring(0, body.length() - 1)
				+ ",\"previous_values\":{\"metadata\":{\"album\":\"work\",\"rating\":5}}}")
			.getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] resource(String name) {
		try (InputStream in = WebhookTestData.class.getResourceAsStream("/webhooks/" + name)) {
			if (in == null) {
				throw new IllegalStateException("no test resource /webhooks/" + name);
			}
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
