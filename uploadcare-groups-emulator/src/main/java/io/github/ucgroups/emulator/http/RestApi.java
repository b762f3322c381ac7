package io.github.ucgroups.emulator.http;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.ucgroups.emulator.auth.RestAuth;
import io.github.ucgroups.emulator.store.EmulatorStore;
import io.github.ucgroups.emulator.webhooks.EmulatorWebhooks;
import io.github.ucgroups.emulator.webhooks.WebhookAnswer;
import io.github.ucgroups.emulator.store.StoredGroup;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The REST API v0.7 subset, at the root of its own port. */
final class RestApi {

	static final String ACCEPT = "application/vnd.uploadcare-v0.7+json";

	private static final Pattern GROUP_PATH = Pattern
		.compile("/groups/([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}~\\d{1,4})/");

	private static final Pattern UUID_PATTERN = Pattern
		.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

	private static final Pattern FILE_STORAGE_PATH = Pattern.compile("/files/(" + UUID_PATTERN.pattern() + ")/storage/");

	private final ServerSettings settings;

	private final EmulatorStore store;

	private final Views views;

	private final JsonMapper json;

	private final RestAuth auth;

	private final String restBase;

	private final EmulatorWebhooks webhooks;

	RestApi(ServerSettings settings, EmulatorStore store, Views views, JsonMapper json, String restBase,
			EmulatorWebhooks webhooks) {
		this.webhooks = webhooks;
		this.settings = settings;
		this.store = store;
		this.views = views;
		this.json = json;
		this.auth = new RestAuth(settings.publicKey(), settings.secretKey(), settings.clock());
		this.restBase = restBase;
	}

	Response handle(Request request) throws IOException {
		String accept = request.header("Accept");
		if (accept == null || !accept.contains(ACCEPT)) {
			return detail(406, "Incorrect Accept header provided. Make sure to specify API version. Refer to REST API "
					+ "docs for details.");
		}
		byte[] body = request.readBody(1024 * 1024);
		String pathWithQuery = request.path + ((request.rawQuery != null) ? "?" + request.rawQuery : "");
		String local = request.path;
		Optional<String> problem = this.auth.check(request.method, body, request.header("Content-Type"),
				date(request), request.header("Authorization"), pathWithQuery);
		if (problem.isPresent()) {
			return detail(401, problem.get());
		}
		if (local.startsWith("/webhooks/")) {
			WebhookAnswer answer = this.webhooks.handle(request.method, local, request.header("Content-Type"), body);
			return (answer.body() != null) ? json(answer.status(), answer.body()) : Response.empty(answer.status());
		}
		if (local.equals("/groups/")) {
			return request.method.equals("GET") ? listGroups(request) : notAllowed(request);
		}
		Matcher group = GROUP_PATH.matcher(local);
		if (group.matches()) {
			return switch (request.method) {
				case "GET" -> this.store.group(group.group(1))
					.map((found) -> json(200, this.views.group(found, true, true)))
					.orElseGet(() -> detail(404, "Not found."));
				case "DELETE" -> this.store.deleteGroup(group.group(1)) ? Response.empty(204)
						: detail(404, "Not found.");
				default -> notAllowed(request);
			};
		}
		if (local.equals("/files/storage/")) {
			return switch (request.method) {
				case "PUT" -> storage(body, true);
				case "DELETE" -> storage(body, false);
				default -> notAllowed(request);
			};
		}
		Matcher fileStorage = FILE_STORAGE_PATH.matcher(local);
		if (fileStorage.matches()) {
			return singleFileStorage(request, fileStorage.group(1));
		}
		if (local.equals("/project/")) {
			if (!request.method.equals("GET")) {
				return notAllowed(request);
			}
			Map<String, Object> project = new LinkedHashMap<>();
			project.put("name", "Uploadcare emulator");
			project.put("pub_key", this.settings.publicKey());
			project.put("autostore_enabled", true);
			project.put("collaborators", List.of());
			return json(200, project);
		}
		return detail(404, "Not found.");
	}

	/**
	 * The request date: {@code X-Uploadcare-Date} when sent (Uploadcare's JS client sends it, as
	 * browsers may not set {@code Date}, and signs it), else {@code Date}.
	 */
	private static @Nullable String date(Request request) {
		String uploadcareDate = request.header("X-Uploadcare-Date");
		return (uploadcareDate != null && !uploadcareDate.isBlank()) ? uploadcareDate : request.header("Date");
	}

	private Response listGroups(Request request) {
		int limit = 100;
		String limitText = request.queryParam("limit");
		if (limitText != null) {
			try {
				limit = Integer.parseInt(limitText);
			}
			catch (NumberFormatException ex) {
				return detail(400, "limit must be an integer.");
			}
			if (limit < 1 || limit > 1000) {
				return detail(400, "limit must be between 1 and 1000.");
			}
		}
		String ordering = request.queryParam("ordering");
		boolean descending;
		if (ordering == null || ordering.equals("datetime_created")) {
			descending = false;
		}
		else if (ordering.equals("-datetime_created")) {
			descending = true;
		}
		else {
			return detail(400, "ordering must be datetime_created or -datetime_created.");
		}
		Instant from = null;
		String fromText = request.queryParam("from");
		if (fromText != null && !fromText.isEmpty()) {
			try {
				from = OffsetDateTime.parse(fromText.replace(' ', '+')).toInstant();
			}
			catch (DateTimeParseException ex) {
				return detail(400, "from must be an ISO 8601 date and time.");
			}
		}
		List<StoredGroup> all = this.store.groups();
		if (descending) {
			Collections.reverse(all);
		}
		int start = 0;
		if (from != null) {
			while (start < all.size() && (descending ? all.get(start).created().isAfter(from)
					: all.get(start).created().isBefore(from))) {
				start++;
			}
		}
		int end = Math.min(all.size(), start + limit);
		List<Object> results = new ArrayList<>();
		for (StoredGroup group : all.subList(start, end)) {
			results.add(this.views.group(group, false, true));
		}
		Map<String, @Nullable Object> page = new LinkedHashMap<>();
		page.put("next", (end < all.size()) ? pageUrl(all.get(end), limit, ordering) : null);
		page.put("previous", (start > 0) ? pageUrl(all.get(Math.max(0, start - limit)), limit, ordering) : null);
		page.put("total", all.size());
		page.put("per_page", limit);
		page.put("results", results);
		return json(200, page);
	}

	private String pageUrl(StoredGroup first, int limit, @Nullable String ordering) {
		String url = this.restBase + "/groups/?from="
				+ URLEncoder.encode(Views.DATETIME.format(first.created()), StandardCharsets.UTF_8) + "&limit=" + limit;
		return (ordering != null) ? url + "&ordering=" + URLEncoder.encode(ordering, StandardCharsets.UTF_8) : url;
	}

	private Response storage(byte[] body, boolean store) {
		JsonNode uuids;
		try {
			uuids = this.json.readTree(body);
		}
		catch (JacksonException ex) {
			return detail(400, "Expected a JSON array of file UUIDs.");
		}
		if (uuids == null || !uuids.isArray()) {
			return detail(400, "Expected a JSON array of file UUIDs.");
		}
		if (uuids.size() > 100) {
			return detail(400, "Expected list of UUIDs with max length 100.");
		}
		Map<String, String> problems = new LinkedHashMap<>();
		List<Object> result = new ArrayList<>();
		for (JsonNode item : uuids) {
			String uuid = item.asString("");
			if (!UUID_PATTERN.matcher(uuid).matches()) {
				problems.put(uuid, "Invalid");
				continue;
			}
			Optional<Map<String, @Nullable Object>> view = store ? storeFile(uuid) : deleteFile(uuid);
			if (view.isEmpty()) {
				problems.put(uuid.toLowerCase(Locale.ROOT), "Missing in the project");
			}
			else {
				result.add(view.get());
			}
		}
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("status", "ok");
		answer.put("problems", problems);
		answer.put("result", result);
		return json(200, answer);
	}

	private Optional<Map<String, @Nullable Object>> storeFile(String uuid) {
		return this.store.setStored(uuid, true).map((file) -> this.views.restFile(file, null));
	}

	private Optional<Map<String, @Nullable Object>> deleteFile(String uuid) {
		return this.store.deleteFile(uuid)
			.map((removed) -> this.views.restFile(removed.file(), null, removed.removed()));
	}

	/** {@code PUT}/{@code DELETE /files/<uuid>/storage/}: one file, the file object or 404. */
	private Response singleFileStorage(Request request, String uuid) {
		Optional<Map<String, @Nullable Object>> view = switch (request.method) {
			case "PUT" -> storeFile(uuid);
			case "DELETE" -> deleteFile(uuid);
			default -> null;
		};
		if (view == null) {
			return notAllowed(request);
		}
		return view.map((file) -> json(200, file)).orElseGet(() -> detail(404, "Not found."));
	}

	private Response notAllowed(Request request) {
		return detail(405, "Method \"" + request.method + "\" not allowed.");
	}

	Response detail(int status, String detail) {
		return json(status, Map.of("detail", detail));
	}

	private Response json(int status, Object body) {
		return Response.bytes(status, ACCEPT, this.json.writeValueAsBytes(body));
	}

}
