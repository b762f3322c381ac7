package io.github.ucgroups.emulator.webhooks;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.github.ucgroups.emulator.store.FileEventListener;
import io.github.ucgroups.emulator.store.StoredFile;

/**
 * The emulator's webhooks: the REST API's subscription endpoints ({@code GET}/{@code POST
 * /webhooks/}, {@code GET}/{@code PUT}/{@code DELETE /webhooks/<id>/},
 * {@code DELETE /webhooks/unsubscribe/}) with JSON or form bodies, and signed deliveries
 * ({@code {initiator, hook, data, file}}, REST API v0.7) to every active subscription when a file
 * is uploaded, stored or deleted. A target URL is unique per event, as Uploadcare enforces.
 * <p>
 * Deliveries are sent in the background, one after another, and recorded
 * ({@link #deliveries()}, {@link #awaitDeliveries(int, Duration)}). Test hooks:
 * {@link #signNextDeliveryWrongly()}, {@link #deliverNextTwice()} and {@link #redeliver}.
 * Only hosts the emulator may call (loopback by default) receive deliveries. Failed deliveries are
 * recorded, not retried.
 */
public final class EmulatorWebhooks implements FileEventListener, AutoCloseable {

	/** The events a subscription may name. */
	public static final Set<String> EVENTS = Set.of("file.uploaded", "file.stored", "file.deleted",
			"file.info_updated", "file.infected");

	private static final Set<String> VERSIONS = Set.of("0.5", "0.6", "0.7");

	private static final int MAX_TARGET_URL_LENGTH = 255;

	private static final int MAX_SECRET_LENGTH = 32;

	private static final long PROJECT_ID = 1;

	private static final Pattern ID_PATH = Pattern.compile("/webhooks/(\\d{1,18})/");

	private static final DateTimeFormatter DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
		.withZone(ZoneOffset.UTC);

	private final String publicKey;

	private final Clock clock;

	private final JsonMapper json;

	private final BiFunction<StoredFile, @Nullable Instant, Map<String, @Nullable Object>> fileView;

	private final WebhookDispatcher dispatcher;

	private final Map<Long, EmulatedWebhook> subscriptions = new ConcurrentHashMap<>();

	private final AtomicLong ids = new AtomicLong(1000);

	private final List<WebhookDelivery> deliveries = new CopyOnWriteArrayList<>();

	private final AtomicInteger wrongSignatures = new AtomicInteger();

	private final AtomicInteger repeats = new AtomicInteger();

	/**
	 * Creates the webhooks of one emulator.
	 * @param publicKey the project's public key ({@code hook.project_pub_key})
	 * @param hostAllowed which target hosts may be posted to
	 * @param clock the clock
	 * @param json writes and reads JSON
	 * @param fileView renders a file (and when it was removed) as a REST API v0.7 file object
	 */
	public EmulatorWebhooks(String publicKey, Predicate<String> hostAllowed, Clock clock, JsonMapper json,
			BiFunction<StoredFile, @Nullable Instant, Map<String, @Nullable Object>> fileView) {
		this.publicKey = Objects.requireNonNull(publicKey, "publicKey must not be null");
		this.clock = Objects.requireNonNull(clock, "clock must not be null");
		this.json = Objects.requireNonNull(json, "json must not be null");
		this.fileView = Objects.requireNonNull(fileView, "fileView must not be null");
		this.dispatcher = new WebhookDispatcher(hostAllowed, clock);
	}

	/**
	 * Returns the subscriptions, oldest first.
	 * @return a snapshot
	 */
	public List<EmulatedWebhook> subscriptions() {
		List<EmulatedWebhook> list = new ArrayList<>(this.subscriptions.values());
		list.sort(Comparator.comparingLong(EmulatedWebhook::id));
		return list;
	}

	/**
	 * Subscribes a target URL to an event directly, as {@code POST /webhooks/} would.
	 * @param targetUrl the target URL
	 * @param event the event type
	 * @param signingSecret the signing secret, or {@code null} for unsigned deliveries
	 * @return the subscription
	 * @throws IllegalArgumentException if a value is invalid or the target URL is already
	 * subscribed to the event
	 */
	public EmulatedWebhook subscribe(String targetUrl, String event, @Nullable String signingSecret) {
		Map<String, @Nullable Object> fields = new LinkedHashMap<>();
		fields.put("target_url", targetUrl);
		fields.put("event", event);
		fields.put("signing_secret", signingSecret);
		WebhookAnswer answer = create(fields);
		if (answer.status() != 201) {
			throw new IllegalArgumentException(String.valueOf(answer.body()));
		}
		return this.subscriptions.get(((Number) ((Map<?, ?>) Objects.requireNonNull(answer.body())).get("id")).longValue());
	}

	/**
	 * Returns the deliveries sent so far, in order (a delivery sent twice appears twice).
	 * @return a snapshot
	 */
	public List<WebhookDelivery> deliveries() {
		return List.copyOf(this.deliveries);
	}

	/**
	 * Waits until at least {@code count} deliveries were sent.
	 * @param count how many
	 * @param timeout the longest wait
	 * @return the deliveries sent so far
	 * @throws AssertionError if fewer were sent in time
	 */
	public List<WebhookDelivery> awaitDeliveries(int count, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (this.deliveries.size() < count) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("expected " + count + " webhook deliveries within " + timeout + ", got "
						+ this.deliveries.size() + ": " + this.deliveries);
			}
			try {
				Thread.sleep(10);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError("interrupted", ex);
			}
		}
		return deliveries();
	}

	/** Signs the next delivery with a wrong secret (a forgery, as a receiver must see it). */
	public void signNextDeliveryWrongly() {
		this.wrongSignatures.incrementAndGet();
	}

	/** Sends the next delivery twice, byte for byte (as a retry or a replay arrives). */
	public void deliverNextTwice() {
		this.repeats.incrementAndGet();
	}

	/**
	 * Sends a recorded delivery again, byte for byte and with the same signature, now (a replay).
	 * @param delivery a delivery from {@link #deliveries()}
	 * @return the new delivery, also recorded
	 */
	public WebhookDelivery redeliver(WebhookDelivery delivery) {
		WebhookDelivery sent = this.dispatcher.send(delivery);
		this.deliveries.add(sent);
		return sent;
	}

	/** Forgets every subscription, delivery and pending test hook. */
	public void reset() {
		this.subscriptions.clear();
		this.deliveries.clear();
		this.wrongSignatures.set(0);
		this.repeats.set(0);
	}

	@Override
	public void close() {
		this.dispatcher.close();
	}

	@Override
	public void onFileEvent(String event, StoredFile file, @Nullable Instant removed) {
		for (EmulatedWebhook subscription : subscriptions()) {
			if (!subscription.active() || !subscription.event().equals(event)) {
				continue;
			}
			byte[] body = payload(subscription, file, removed);
			String signature = null;
			boolean wrong = false;
			if (subscription.signingSecret() != null) {
				wrong = take(this.wrongSignatures);
				signature = WebhookDispatcher.sign(wrong ? subscription.signingSecret() + "-wrong"
						: subscription.signingSecret(), body);
			}
			WebhookDelivery delivery = new WebhookDelivery(subscription.id(), event, subscription.targetUrl(),
					new String(body, StandardCharsets.UTF_8), signature, wrong, 0, null, this.clock.instant());
			this.dispatcher.sendLater(delivery, take(this.repeats) ? 2 : 1, this.deliveries::add);
		}
	}

	private static boolean take(AtomicInteger pending) {
		return pending.getAndUpdate((n) -> Math.max(0, n - 1)) > 0;
	}

	private byte[] payload(EmulatedWebhook subscription, StoredFile file, @Nullable Instant removed) {
		Map<String, @Nullable Object> detail = new LinkedHashMap<>();
		detail.put("request_id", null);
		detail.put("addon_name", null);
		detail.put("source_file_uuid", null);
		Map<String, @Nullable Object> initiator = new LinkedHashMap<>();
		initiator.put("type", "api");
		initiator.put("detail", detail);
		Map<String, @Nullable Object> hook = new LinkedHashMap<>();
		hook.put("id", subscription.id());
		hook.put("project_id", PROJECT_ID);
		hook.put("project_pub_key", this.publicKey);
		hook.put("target", subscription.targetUrl());
		hook.put("event", subscription.event());
		hook.put("is_active", subscription.active());
		hook.put("version", subscription.version());
		hook.put("created_at", DATETIME.format(subscription.created()));
		hook.put("updated_at", DATETIME.format(subscription.updated()));
		Map<String, @Nullable Object> data = this.fileView.apply(file, removed);
		Map<String, @Nullable Object> payload = new LinkedHashMap<>();
		payload.put("initiator", initiator);
		payload.put("hook", hook);
		payload.put("data", data);
		payload.put("file", data.get("original_file_url"));
		return this.json.writeValueAsBytes(payload);
	}

	/**
	 * Answers a REST API request under {@code /webhooks/} (signature already checked).
	 * @param method the HTTP method
	 * @param path the path, e.g. {@code /webhooks/1001/}
	 * @param contentType the request's content type
	 * @param body the request body
	 * @return the answer
	 */
	public WebhookAnswer handle(String method, String path, @Nullable String contentType, byte[] body) {
		if (path.equals("/webhooks/")) {
			return switch (method) {
				case "GET" -> new WebhookAnswer(200, subscriptions().stream().map(this::view).toList());
				case "POST" -> withFields(contentType, body, this::create);
				default -> notAllowed(method);
			};
		}
		if (path.equals("/webhooks/unsubscribe/")) {
			return method.equals("DELETE") ? withFields(contentType, body, this::unsubscribe) : notAllowed(method);
		}
		Matcher id = ID_PATH.matcher(path);
		if (!id.matches()) {
			return WebhookAnswer.detail(404, "Not found.");
		}
		long hookId = Long.parseLong(id.group(1));
		EmulatedWebhook existing = this.subscriptions.get(hookId);
		if (existing == null) {
			return WebhookAnswer.detail(404, "Not found.");
		}
		return switch (method) {
			case "GET" -> new WebhookAnswer(200, view(existing));
			case "PUT", "PATCH" -> withFields(contentType, body, (fields) -> update(existing, fields));
			case "DELETE" -> {
				this.subscriptions.remove(hookId);
				yield new WebhookAnswer(204, null);
			}
			default -> notAllowed(method);
		};
	}

	private synchronized WebhookAnswer create(Map<String, @Nullable Object> fields) {
		Object target = fields.get("target_url");
		Object event = fields.get("event");
		if (target == null || event == null) {
			return WebhookAnswer.detail(400, "target_url and event are required.");
		}
		Instant now = this.clock.instant();
		EmulatedWebhook draft = new EmulatedWebhook(this.ids.get() + 1, String.valueOf(event), String.valueOf(target),
				true, null, "0.7", now, now);
		return save(draft, fields, 201);
	}

	private synchronized WebhookAnswer update(EmulatedWebhook existing, Map<String, @Nullable Object> fields) {
		EmulatedWebhook draft = new EmulatedWebhook(existing.id(), existing.event(), existing.targetUrl(),
				existing.active(), existing.signingSecret(), existing.version(), existing.created(), this.clock.instant());
		return save(draft, fields, 200);
	}

	private WebhookAnswer save(EmulatedWebhook draft, Map<String, @Nullable Object> fields, int status) {
		String target = fields.containsKey("target_url") ? String.valueOf(fields.get("target_url")) : draft.targetUrl();
		String event = fields.containsKey("event") ? String.valueOf(fields.get("event")) : draft.event();
		String problem = checkTarget(target);
		if (problem == null && !EVENTS.contains(event)) {
			problem = "event must be one of " + new java.util.TreeSet<>(EVENTS) + ".";
		}
		Boolean active = draft.active();
		if (problem == null && fields.containsKey("is_active")) {
			active = bool(fields.get("is_active"));
			if (active == null) {
				problem = "is_active must be a boolean.";
			}
		}
		String secret = draft.signingSecret();
		if (problem == null && fields.containsKey("signing_secret")) {
			Object value = fields.get("signing_secret");
			secret = (value == null || String.valueOf(value).isEmpty()) ? null : String.valueOf(value);
			if (secret != null && secret.length() > MAX_SECRET_LENGTH) {
				problem = "signing_secret must have at most " + MAX_SECRET_LENGTH + " characters.";
			}
		}
		String version = fields.containsKey("version") ? String.valueOf(fields.get("version")) : draft.version();
		if (problem == null && !VERSIONS.contains(version)) {
			problem = "version must be one of " + new java.util.TreeSet<>(VERSIONS) + ".";
		}
		if (problem == null) {
			for (EmulatedWebhook other : this.subscriptions.values()) {
				if (other.id() != draft.id() && other.targetUrl().equals(target) && other.event().equals(event)) {
					problem = "Webhook with this target_url and event already exists in the project.";
				}
			}
		}
		if (problem != null) {
			return WebhookAnswer.detail(400, problem);
		}
		long id = (status == 201) ? this.ids.incrementAndGet() : draft.id();
		EmulatedWebhook saved = new EmulatedWebhook(id, event, target, Objects.requireNonNull(active), secret, version,
				draft.created(), draft.updated());
		this.subscriptions.put(id, saved);
		return new WebhookAnswer(status, view(saved));
	}

	private synchronized WebhookAnswer unsubscribe(Map<String, @Nullable Object> fields) {
		Object target = fields.get("target_url");
		if (target == null) {
			return WebhookAnswer.detail(400, "target_url is required.");
		}
		boolean removed = this.subscriptions.values().removeIf((hook) -> hook.targetUrl().equals(String.valueOf(target)));
		return removed ? new WebhookAnswer(204, null) : WebhookAnswer.detail(404, "Not found.");
	}

	private static @Nullable String checkTarget(String target) {
		URI uri;
		try {
			uri = URI.create(target);
		}
		catch (IllegalArgumentException ex) {
			return "target_url must be a URL.";
		}
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
		if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
			return "target_url must be an absolute http or https URL.";
		}
		return (target.length() > MAX_TARGET_URL_LENGTH)
				? "target_url must have at most " + MAX_TARGET_URL_LENGTH + " characters." : null;
	}

	private static @Nullable Boolean bool(@Nullable Object value) {
		if (value instanceof Boolean flag) {
			return flag;
		}
		return switch (String.valueOf(value)) {
			case "true", "True", "1" -> true;
			case "false", "False", "0" -> false;
			default -> null;
		};
	}

	private Map<String, @Nullable Object> view(EmulatedWebhook hook) {
		Map<String, @Nullable Object> view = new LinkedHashMap<>();
		view.put("id", hook.id());
		view.put("project", PROJECT_ID);
		view.put("created", DATETIME.format(hook.created()));
		view.put("updated", DATETIME.format(hook.updated()));
		view.put("event", hook.event());
		view.put("target_url", hook.targetUrl());
		view.put("is_active", hook.active());
		view.put("version", hook.version());
		view.put("signing_secret", hook.signingSecret());
		return view;
	}

	private WebhookAnswer withFields(@Nullable String contentType, byte[] body,
			java.util.function.Function<Map<String, @Nullable Object>, WebhookAnswer> action) {
		Map<String, @Nullable Object> fields = new LinkedHashMap<>();
		if (contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
			for (String pair : new String(body, StandardCharsets.UTF_8).split("&")) {
				if (!pair.isEmpty()) {
					int eq = pair.indexOf('=');
					String name = URLDecoder.decode((eq < 0) ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
					fields.put(name, (eq < 0) ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
				}
			}
			return action.apply(fields);
		}
		if (body.length == 0) {
			return action.apply(fields);
		}
		JsonNode node;
		try {
			node = this.json.readTree(body);
		}
		catch (JacksonException ex) {
			return WebhookAnswer.detail(400, "JSON parse error.");
		}
		if (node == null || !node.isObject()) {
			return WebhookAnswer.detail(400, "Expected a JSON object.");
		}
		for (Map.Entry<String, JsonNode> field : node.properties()) {
			JsonNode value = field.getValue();
			fields.put(field.getKey(), value.isNull() ? null : value.isBoolean() ? (Object) value.asBoolean()
					: value.isValueNode() ? value.asString() : value.toString());
		}
		return action.apply(fields);
	}

	private static WebhookAnswer notAllowed(String method) {
		return WebhookAnswer.detail(405, "Method \"" + method + "\" not allowed.");
	}

	@Override
	public String toString() {
		return "EmulatorWebhooks[" + this.subscriptions.size() + " subscription(s), " + this.deliveries.size()
				+ " deliveries]";
	}

}
