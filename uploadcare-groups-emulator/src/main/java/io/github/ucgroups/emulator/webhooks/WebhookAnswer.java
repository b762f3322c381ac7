package io.github.ucgroups.emulator.webhooks;

import org.jspecify.annotations.Nullable;

/**
 * The emulator's answer to a {@code /webhooks/} REST request, rendered as JSON by the server.
 *
 * @param status the HTTP status
 * @param body the JSON body (a map or list), or {@code null} for none
 */
public record WebhookAnswer(int status, @Nullable Object body) {

	static WebhookAnswer detail(int status, String detail) {
		return new WebhookAnswer(status, java.util.Map.of("detail", detail));
	}

}
