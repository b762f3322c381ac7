package io.github.ucgroups.rest;

import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import io.github.ucgroups.UploadcareServerException;
import io.github.ucgroups.WebhookAdminService;
import io.github.ucgroups.WebhookRegistration;
import io.github.ucgroups.WebhookSubscription;
import io.github.ucgroups.WebhookSubscriptionRequest;
import io.github.ucgroups.http.JsonFields;
import io.github.ucgroups.http.UploadcareApi;
import io.github.ucgroups.http.UploadcareRequest;
import io.github.ucgroups.http.UploadcareTransport;
import io.github.ucgroups.observation.UploadcareOperations;

import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

/**
 * {@link WebhookAdminService} over the REST API v0.7. The transport it is given must sign every
 * request (see {@link RestSigningInterceptor}); this class only describes the requests (JSON
 * bodies) and reads the answers.
 */
public class RestWebhookAdminService implements WebhookAdminService {

	static final String LIST = UploadcareOperations.REST_WEBHOOKS_LIST;

	static final String CREATE = UploadcareOperations.REST_WEBHOOKS_CREATE;

	static final String UPDATE = UploadcareOperations.REST_WEBHOOKS_UPDATE;

	static final String DELETE = UploadcareOperations.REST_WEBHOOKS_DELETE;

	private final UploadcareTransport transport;

	/**
	 * Creates the service.
	 * @param transport a REST API transport that signs every request
	 */
	public RestWebhookAdminService(UploadcareTransport transport) {
		this.transport = Objects.requireNonNull(transport, "transport must not be null");
	}

	@Override
	public List<WebhookSubscription> listWebhooks() {
		UploadcareRequest request = UploadcareRequest.to(LIST, UploadcareApi.REST, HttpMethod.GET, "/webhooks/")
			.build();
		return this.transport.exchangeForJson(request, (json) -> {
			JsonNode items = json.isArray() ? json : json.get("results");
			if (items == null || !items.isArray()) {
				throw new UploadcareServerException(LIST, 200, null, "Uploadcare sent no list of webhooks", null);
			}
			List<WebhookSubscription> subscriptions = new ArrayList<>();
			for (JsonNode item : items) {
				subscriptions.add(readSubscription(LIST, item));
			}
			return List.copyOf(subscriptions);
		});
	}

	@Override
	public WebhookSubscription createWebhook(WebhookSubscriptionRequest request) {
		Objects.requireNonNull(request, "request must not be null");
		if (request.targetUrl() == null || request.event() == null) {
			throw new IllegalArgumentException("a new webhook subscription needs a target URL and an event: " + request);
		}
		UploadcareRequest post = UploadcareRequest.to(CREATE, UploadcareApi.REST, HttpMethod.POST, "/webhooks/")
			.body(MediaType.APPLICATION_JSON, () -> jsonBody(request))
			.build();
		return this.transport.exchangeForJson(post, (json) -> readSubscription(CREATE, json));
	}

	@Override
	public WebhookSubscription updateWebhook(long id, WebhookSubscriptionRequest changes) {
		Objects.requireNonNull(changes, "changes must not be null");
		if (changes.isEmpty()) {
			throw new IllegalArgumentException("the change of webhook " + id + " changes nothing");
		}
		UploadcareRequest put = UploadcareRequest.to(UPDATE, UploadcareApi.REST, HttpMethod.PUT, "/webhooks/{id}/")
			.pathVariable("id", id)
			.body(MediaType.APPLICATION_JSON, () -> jsonBody(changes))
			.build();
		return this.transport.exchangeForJson(put, (json) -> readSubscription(UPDATE, json));
	}

	@Override
	public void deleteWebhook(long id) {
		UploadcareRequest delete = UploadcareRequest
			.to(DELETE, UploadcareApi.REST, HttpMethod.DELETE, "/webhooks/{id}/")
			.pathVariable("id", id)
			.build();
		this.transport.exchange(delete);
	}

	@Override
	public WebhookRegistration ensureSubscribed(URI targetUrl, Collection<String> events,
			@Nullable String signingSecret) {
		Objects.requireNonNull(targetUrl, "targetUrl must not be null");
		WebhookSubscriptionRequest.checkTargetUrl(targetUrl);
		if (events == null || events.isEmpty()) {
			throw new IllegalArgumentException("at least one webhook event is needed");
		}
		Set<String> wanted = new LinkedHashSet<>();
		for (String event : events) {
			WebhookSubscriptionRequest.checkEvent(Objects.requireNonNull(event, "events must not contain null"));
			wanted.add(event);
		}
		if (signingSecret != null) {
			WebhookSubscriptionRequest.checkSigningSecret(signingSecret, "signingSecret");
		}
		Map<String, WebhookSubscription> existing = new LinkedHashMap<>();
		for (WebhookSubscription subscription : listWebhooks()) {
			if (sameTarget(subscription.targetUrl(), targetUrl) && wanted.contains(subscription.event())) {
				existing.putIfAbsent(subscription.event(), subscription);
			}
		}
		List<WebhookSubscription> created = new ArrayList<>();
		List<WebhookSubscription> updated = new ArrayList<>();
		List<WebhookSubscription> unchanged = new ArrayList<>();
		for (String event : wanted) {
			WebhookSubscription current = existing.get(event);
			if (current == null) {
				WebhookSubscriptionRequest request = WebhookSubscriptionRequest.of(targetUrl, event)
					.withActive(true)
					.withVersion(PAYLOAD_VERSION);
				created.add(createWebhook((signingSecret != null) ? request.withSigningSecret(signingSecret) : request));
				continue;
			}
			WebhookSubscriptionRequest changes = differences(current, signingSecret);
			if (changes.isEmpty()) {
				unchanged.add(current);
			}
			else {
				updated.add(updateWebhook(current.id(), changes));
			}
		}
		return new WebhookRegistration(created, updated, unchanged);
	}

	private static WebhookSubscriptionRequest differences(WebhookSubscription current, @Nullable String signingSecret) {
		WebhookSubscriptionRequest changes = WebhookSubscriptionRequest.changes();
		if (!current.active()) {
			changes = changes.withActive(true);
		}
		if (current.version() != null && !PAYLOAD_VERSION.equals(current.version())) {
			changes = changes.withVersion(PAYLOAD_VERSION);
		}
		if (signingSecret != null && !signingSecret.equals(current.signingSecret())) {
			changes = changes.withSigningSecret(signingSecret);
		}
		return changes;
	}

	/** Target URLs are compared as Uploadcare stores them; a trailing slash makes another URL. */
	private static boolean sameTarget(URI a, URI b) {
		return a.normalize().toString().equalsIgnoreCase(b.normalize().toString());
	}

	private byte[] jsonBody(WebhookSubscriptionRequest request) {
		Map<String, Object> fields = new LinkedHashMap<>();
		if (request.targetUrl() != null) {
			fields.put("target_url", request.targetUrl().toString());
		}
		if (request.event() != null) {
			fields.put("event", request.event());
		}
		if (request.active() != null) {
			fields.put("is_active", request.active());
		}
		if (request.signingSecret() != null) {
			fields.put("signing_secret", request.signingSecret());
		}
		if (request.version() != null) {
			fields.put("version", request.version());
		}
		return this.transport.jsonMapper().writeValueAsBytes(fields);
	}

	static WebhookSubscription readSubscription(String operation, JsonNode json) {
		try {
			if (json == null || !json.isObject() || !json.path("id").canConvertToLong()) {
				throw new IllegalArgumentException("no numeric 'id'");
			}
			String event = JsonFields.text(json, "event");
			String target = JsonFields.text(json, "target_url");
			if (event == null || target == null) {
				throw new IllegalArgumentException("'event' or 'target_url' is missing");
			}
			return new WebhookSubscription(json.path("id").asLong(), event, URI.create(target),
					json.path("is_active").asBoolean(true), JsonFields.text(json, "version"),
					JsonFields.text(json, "signing_secret"), instant(json, "created"), instant(json, "updated"));
		}
		catch (IllegalArgumentException | DateTimeParseException ex) {
			throw new UploadcareServerException(operation, 200, null,
					"Uploadcare sent a webhook that could not be read: " + ex.getMessage(), ex);
		}
	}

	private static @Nullable Instant instant(JsonNode json, String field) {
		String text = JsonFields.text(json, field);
		return (text == null || text.isEmpty()) ? null : Instant.parse(text);
	}

	@Override
	public String toString() {
		return "RestWebhookAdminService";
	}

}
