package io.github.ucgroups;

import java.net.URI;
import java.util.Collection;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Manages the project's webhook subscriptions through the Uploadcare REST API (v0.7):
 * {@code GET}/{@code POST /webhooks/}, {@code PUT}/{@code DELETE /webhooks/<id>/}. Every request
 * is signed with the project's secret key.
 * <p>
 * The starter's auto-configuration provides a bean only when a secret key is configured
 * ({@code uploadcare.secret-key}, or an {@code UploadcareConnectionDetails} bean that supplies
 * one). Failed calls throw subclasses of {@link UploadcareException}; Uploadcare refuses a second
 * subscription of one target URL to one event with {@link UploadcareInvalidRequestException}.
 * Signing secrets are sent to Uploadcare only; they never appear in logs, exception messages or
 * {@code toString()}.
 */
public interface WebhookAdminService {

	/** The webhook payload version this starter reads. */
	String PAYLOAD_VERSION = "0.7";

	/**
	 * Lists the project's subscriptions ({@code GET /webhooks/}; Uploadcare answers with one
	 * unpaged list).
	 * @return every subscription of the project
	 */
	List<WebhookSubscription> listWebhooks();

	/**
	 * Creates a subscription ({@code POST /webhooks/}).
	 * @param request the target URL and event, optionally whether it is active, its signing
	 * secret and payload version
	 * @return the subscription as Uploadcare created it
	 * @throws IllegalArgumentException if the request has no target URL or no event
	 */
	WebhookSubscription createWebhook(WebhookSubscriptionRequest request);

	/**
	 * Changes a subscription ({@code PUT /webhooks/<id>/}); only the fields the request sets are
	 * sent.
	 * @param id the subscription's id
	 * @param changes the fields to change
	 * @return the subscription as it is now
	 * @throws IllegalArgumentException if the request changes nothing
	 * @throws UploadcareNotFoundException if the project has no such subscription
	 */
	WebhookSubscription updateWebhook(long id, WebhookSubscriptionRequest changes);

	/**
	 * Deletes a subscription ({@code DELETE /webhooks/<id>/}).
	 * @param id the subscription's id
	 * @throws UploadcareNotFoundException if the project has no such subscription
	 */
	void deleteWebhook(long id);

	/**
	 * Makes sure that {@code targetUrl} receives every one of {@code events}, signed with
	 * {@code signingSecret}, idempotently: creates the subscriptions that are missing, updates
	 * those that exist but differ (inactive, another signing secret, another payload version),
	 * leaves matching ones alone, and never creates a second subscription of the target URL to
	 * one event. Subscriptions of the target URL to other events, and of other URLs, are left as
	 * they are. Safe to call at every start of every instance.
	 * @param targetUrl where deliveries go
	 * @param events the event types, e.g. {@code file.stored}; at least one
	 * @param signingSecret the secret to sign deliveries with, or {@code null} to leave
	 * deliveries unsigned (not recommended: receivers cannot tell them from forgeries)
	 * @return what was created, updated and left unchanged
	 * @throws IllegalArgumentException if the URL, an event or the secret is malformed, or there
	 * are no events
	 */
	WebhookRegistration ensureSubscribed(URI targetUrl, Collection<String> events, @Nullable String signingSecret);

}
