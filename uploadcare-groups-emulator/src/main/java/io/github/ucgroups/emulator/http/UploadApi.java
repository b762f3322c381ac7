package io.github.ucgroups.emulator.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLConnection;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.ucgroups.emulator.auth.UploadAuth;
import io.github.ucgroups.emulator.faults.Faults;
import io.github.ucgroups.emulator.store.EmulatorStore;
import io.github.ucgroups.emulator.store.FileContent;
import io.github.ucgroups.emulator.store.GroupEntry;
import io.github.ucgroups.emulator.store.MultipartUpload;
import io.github.ucgroups.emulator.store.StoredFile;
import io.github.ucgroups.emulator.store.StoredGroup;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/** The Upload API endpoints, plus the presigned part URLs of multipart uploads. */
final class UploadApi {

	static final long MIN_MULTIPART_SIZE = 10_485_760;

	static final long MIN_PART_SIZE = 5_242_880;

	static final int MAX_GROUP_FILES = 1000;

	private static final String UUID_TEXT = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";

	private static final Pattern UUID_PATTERN = Pattern.compile(UUID_TEXT);

	private static final Pattern INDEXED_FILE = Pattern.compile("files\\[(\\d{1,6})\\]");

	private static final Pattern GROUP_ID = Pattern.compile(UUID_TEXT + "~\\d{1,4}");

	private static final Pattern PART_PATH = Pattern.compile("/s3-part/(" + UUID_TEXT + ")/(\\d{1,6})/?");

	private static final Pattern OPERATIONS = Pattern.compile("(-/[^/]+(/[^/]+)*/)*");

	private final ServerSettings settings;

	private final EmulatorStore store;

	private final Views views;

	private final JsonMapper json;

	private final UploadAuth auth;

	private final ExecutorService background;

	private final Faults faults;

	private final String baseUrl;

	private final Map<String, FromUrlTask> fromUrlTasks = new ConcurrentHashMap<>();

	private final HttpClient httpClient;

	UploadApi(ServerSettings settings, EmulatorStore store, Views views, JsonMapper json, ExecutorService background,
			Faults faults, String baseUrl) {
		this.faults = faults;
		this.settings = settings;
		this.store = store;
		this.views = views;
		this.json = json;
		this.auth = new UploadAuth(settings.secretKey(), settings.clock());
		this.background = background;
		this.baseUrl = baseUrl;
		this.httpClient = HttpClient.newBuilder()
			.connectTimeout(Duration.ofSeconds(10))
			.followRedirects(HttpClient.Redirect.NEVER)
			.executor(background)
			.build();
	}

	void clearFromUrlTasks() {
		this.fromUrlTasks.clear();
	}

	Response handle(Request request) throws IOException {
		String path = request.path;
		if (path.startsWith("/s3-part/")) {
			return partUpload(request);
		}
		return switch (path) {
			case "/base/" -> post(request, this::base);
			case "/multipart/start/" -> post(request, this::multipartStart);
			case "/multipart/complete/" -> post(request, this::multipartComplete);
			case "/from_url/" -> post(request, this::fromUrl);
			case "/from_url/status/" -> get(request, this::fromUrlStatus);
			case "/info/" -> get(request, this::info);
			case "/group/" -> post(request, this::createGroup);
			case "/group/info/" -> get(request, this::groupInfo);
			default -> throw new ApiException(404, "Not found.", "NotFoundError");
		};
	}

	private interface Endpoint {

		Response handle(Request request) throws IOException;

	}

	private static Response post(Request request, Endpoint endpoint) throws IOException {
		if (!request.method.equals("POST")) {
			throw new ApiException(405, "HTTP method " + request.method + " is not allowed for this endpoint.",
					"MethodNotAllowedError");
		}
		return endpoint.handle(request);
	}

	private static Response get(Request request, Endpoint endpoint) throws IOException {
		if (!request.method.equals("GET") && !request.method.equals("HEAD")) {
			throw new ApiException(405, "HTTP method " + request.method + " is not allowed for this endpoint.",
					"MethodNotAllowedError");
		}
		return endpoint.handle(request);
	}

	// ---- POST /base/ ----

	private record Pending(String field, String filename, String mimeType, FileContent content) {
	}

	private Response base(Request request) throws IOException {
		List<Pending> pending = new ArrayList<>();
		try {
			request.parseForm((name, filename, contentType, body) -> pending.add(new Pending(name,
					(filename == null || filename.isEmpty()) ? name : filename,
					mimeType(contentType, (filename == null) ? name : filename), this.store.readContent(body))));
			checkPublicKey(request.field("UPLOADCARE_PUB_KEY"), "UPLOADCARE_PUB_KEY");
			checkSignature(request, "/base/");
			if (pending.isEmpty()) {
				throw ApiException.badRequest("Request does not contain files.", "UploadFailedError");
			}
			boolean store = storeFlag(request.field("UPLOADCARE_STORE"));
			Map<String, String> metadata = metadata(request);
			Map<String, Object> result = new LinkedHashMap<>();
			for (Pending file : pending) {
				StoredFile stored = this.store.addFile(file.content(), file.filename(), file.mimeType(), store, metadata);
				result.put(file.field(), stored.uuid());
			}
			pending.clear();
			return json(200, result);
		}
		finally {
			for (Pending file : pending) {
				discard(file.content());
			}
		}
	}

	private void discard(FileContent content) {
		this.store.discard(content);
	}

	// ---- multipart ----

	private Response multipartStart(Request request) throws IOException {
		request.parseForm(null);
		checkPublicKey(request.field("UPLOADCARE_PUB_KEY"), "UPLOADCARE_PUB_KEY");
		checkSignature(request, "/multipart/start/");
		String filename = request.field("filename");
		if (filename == null || filename.isEmpty()) {
			throw ApiException.badRequest("filename is required.", "MultipartFileNameRequiredError");
		}
		long size = longField(request, "size", -1, "MultipartSizeInvalidError");
		if (size < 0) {
			throw ApiException.badRequest("size is required.", "MultipartSizeInvalidError");
		}
		if (size < MIN_MULTIPART_SIZE) {
			throw ApiException.badRequest("File size can not be less than 10485760 bytes. Please use direct upload "
					+ "instead of multipart.", "MultipartFileSizeTooSmallError");
		}
		long partSize = longField(request, "part_size", MIN_PART_SIZE, "MultipartPartSizeInvalidError");
		if (partSize < MIN_PART_SIZE) {
			throw ApiException.badRequest("Part size can not be less than 5242880 bytes.",
					"MultipartPartSizeTooSmallError");
		}
		if ((size + partSize - 1) / partSize > 10_000) {
			throw ApiException.badRequest("Too many parts: increase part_size.", "MultipartPartSizeInvalidError");
		}
		String contentType = request.field("content_type");
		MultipartUpload upload = this.store.startMultipart(filename,
				(contentType == null || contentType.isBlank()) ? "application/octet-stream" : contentType, size,
				partSize, storeFlag(request.field("UPLOADCARE_STORE")), metadata(request));
		List<String> parts = new ArrayList<>();
		for (int i = 0; i < upload.partCount(); i++) {
			parts.add(this.baseUrl + "/s3-part/" + upload.uuid() + "/" + (i + 1) + "/?X-Amz-Signature="
					+ upload.token());
		}
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("uuid", upload.uuid());
		result.put("parts", parts);
		return json(200, result);
	}

	private Response partUpload(Request request) throws IOException {
		Matcher matcher = PART_PATH.matcher(request.path);
		if (!matcher.matches()) {
			return Response.text(404, "NoSuchKey");
		}
		if (!request.method.equals("PUT")) {
			return Response.text(405, "MethodNotAllowed");
		}
		MultipartUpload upload = this.store.multipart(matcher.group(1)).orElse(null);
		if (upload == null) {
			return Response.text(404, "NoSuchUpload");
		}
		String token = request.queryParam("X-Amz-Signature");
		if (token == null || !token.equals(upload.token())) {
			return Response.text(403, "SignatureDoesNotMatch");
		}
		if (request.header("Content-Length") == null) {
			// S3 refuses chunked part uploads: presigned PUTs need the length up front.
			return Response.bytes(411, "application/xml",
					("<Error><Code>MissingContentLength</Code><Message>You must provide the Content-Length HTTP "
							+ "header.</Message></Error>")
						.getBytes(java.nio.charset.StandardCharsets.UTF_8));
		}
		int index = Integer.parseInt(matcher.group(2)) - 1;
		if (index < 0 || index >= upload.partCount()) {
			return Response.text(400, "InvalidPart");
		}
		Path temp = this.store.newTempFile();
		try (InputStream body = request.exchange.getRequestBody()) {
			upload.receivePart(index, body, temp);
		}
		catch (IOException ex) {
			Files.deleteIfExists(temp);
			throw ex;
		}
		return Response.empty(200).header("ETag", "\"" + UUID.randomUUID().toString().replace("-", "") + "\"");
	}

	private Response multipartComplete(Request request) throws IOException {
		request.parseForm(null);
		checkPublicKey(request.field("UPLOADCARE_PUB_KEY"), "UPLOADCARE_PUB_KEY");
		String uuid = request.field("uuid");
		if (uuid == null || uuid.isEmpty()) {
			throw ApiException.badRequest("uuid is required.", "MultipartFileIdRequiredError");
		}
		if (this.store.file(uuid).isPresent() || this.store.removedFile(uuid).isPresent()) {
			// The real service's answer to a repeated complete, e.g. a retry after a lost answer.
			throw ApiException.badRequest("File is already uploaded.", "MultipartFileAlreadyUploadedError");
		}
		MultipartUpload upload = this.store.multipart(uuid)
			.orElseThrow(() -> new ApiException(404, "File is not found.", "MultipartFileNotFoundError"));
		StoredFile file = this.store.completeMultipart(upload)
			.orElseThrow(() -> ApiException.badRequest("File size mismatch. Not all parts uploaded?",
					"MultipartFileCompletionFailedError"));
		return json(200, this.views.uploadFile(file, null, true));
	}

	// ---- from_url ----

	private Response fromUrl(Request request) throws IOException {
		request.acceptQueryAsForm();
		request.parseForm(null);
		checkPublicKey(request.field("pub_key"), "pub_key");
		checkSignature(request, "/from_url/");
		String source = request.field("source_url");
		if (source == null || source.isBlank()) {
			throw ApiException.badRequest("source_url is required.", "UploadFailedError");
		}
		URI uri;
		try {
			uri = URI.create(source.strip());
		}
		catch (IllegalArgumentException ex) {
			throw ApiException.badRequest("Source URL is not valid.", "DownloadFileHTTPURLValidationError");
		}
		if (uri.getScheme() == null || !uri.getScheme().matches("(?i)https?") || uri.getHost() == null) {
			throw ApiException.badRequest("Source URL is not valid.", "DownloadFileHTTPURLValidationError");
		}
		String token = UUID.randomUUID().toString();
		FromUrlTask task = new FromUrlTask();
		this.fromUrlTasks.put(token, task);
		String filename = request.field("filename");
		boolean store = storeFlag(request.field("store"));
		Map<String, String> metadata = metadata(request);
		if (this.faults.nextFromUrlFailure()) {
			task.failed();
		}
		else {
			this.background.execute(() -> fetch(task, uri, filename, store, metadata));
		}
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("type", "token");
		result.put("token", token);
		return json(200, result);
	}

	private void fetch(FromUrlTask task, URI uri, @Nullable String filename, boolean store,
			Map<String, String> metadata) {
		String host = uri.getHost().toLowerCase(Locale.ROOT);
		if (host.startsWith("[") && host.endsWith("]")) {
			host = host.substring(1, host.length() - 1);
		}
		if (!this.settings.fromUrlHostAllowed().test(host)) {
			task.fail("Host " + host + " is not allowed by the emulator (only loopback hosts by default).",
					"DownloadFileHTTPURLValidationError");
			return;
		}
		try {
			HttpResponse<InputStream> response = this.httpClient.send(
					HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET().build(),
					HttpResponse.BodyHandlers.ofInputStream());
			try (InputStream body = response.body()) {
				int status = response.statusCode();
				if (status >= 400) {
					task.fail("Failed to download the file: HTTP " + status + ".",
							(status >= 500) ? "DownloadFileHTTPServerError" : "DownloadFileHTTPClientError");
					return;
				}
				if (status >= 300) {
					task.fail("Failed to download the file: redirect (HTTP " + status + ") not followed.",
							"DownloadFileHTTPClientError");
					return;
				}
				long total = response.headers().firstValueAsLong("Content-Length").orElse(-1);
				task.progress(0, total);
				Request.CountingInputStream counting = new Request.CountingInputStream(body) {
					@Override
					public int read(byte[] b, int off, int len) throws IOException {
						int n = super.read(b, off, len);
						task.progress(this.count, total);
						return n;
					}
				};
				FileContent content = this.store.readContent(counting);
				String name = (filename != null && !filename.isBlank()) ? filename : nameFromPath(uri);
				String mime = mimeType(response.headers().firstValue("Content-Type").orElse(null), name);
				StoredFile file = this.store.addFile(content, name, mime, store, metadata);
				task.succeed(file);
			}
		}
		catch (IOException ex) {
			task.fail("Failed to download the file: " + ex.getClass().getSimpleName() + ".",
					"DownloadFileHTTPNoResponseError");
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			task.fail("Download interrupted.", "DownloadFileInternalServerError");
		}
		catch (RuntimeException ex) {
			task.fail("Internal error.", "DownloadFileInternalServerError");
		}
	}

	private static String nameFromPath(URI uri) {
		String path = uri.getPath();
		if (path == null || path.isEmpty() || path.endsWith("/")) {
			return "file";
		}
		return path.substring(path.lastIndexOf('/') + 1);
	}

	private Response fromUrlStatus(Request request) {
		String token = request.queryParam("token");
		if (token == null || token.isEmpty()) {
			throw ApiException.badRequest("token is required.", "FromUrlTokenRequiredError");
		}
		FromUrlTask task = this.fromUrlTasks.get(token);
		Map<String, @Nullable Object> result = new LinkedHashMap<>();
		if (task == null) {
			result.put("status", "unknown");
			return json(200, result);
		}
		synchronized (task) {
			result.put("status", task.status);
			switch (task.status) {
				case "progress" -> {
					result.put("done", task.done);
					result.put("total", (task.total < 0) ? "unknown" : task.total);
				}
				case "success" -> {
					StoredFile file = task.file;
					if (file != null) {
						result.putAll(this.views.uploadFile(this.store.file(file.uuid()).orElse(file), null, true));
					}
				}
				case "error" -> {
					result.put("error", task.error);
					result.put("error_code", task.errorCode);
				}
				default -> {
				}
			}
		}
		return json(200, result);
	}

	private static final class FromUrlTask {

		String status = "waiting";

		long done;

		long total = -1;

		@Nullable StoredFile file;

		@Nullable String error;

		@Nullable String errorCode;

		synchronized void progress(long done, long total) {
			this.status = "progress";
			this.done = done;
			this.total = total;
		}

		synchronized void succeed(StoredFile file) {
			this.status = "success";
			this.file = file;
		}

		synchronized void fail(String error, String errorCode) {
			this.status = "error";
			this.error = error;
			this.errorCode = errorCode;
		}

		/**
		 * Ends as {@code failed}: only the status is known of that answer (no recorded example
		 * names its other fields, and Uploadcare's JS client reads any {@code error} field as an
		 * error envelope), so nothing else is sent.
		 */
		synchronized void failed() {
			this.status = "failed";
		}

	}

	// ---- info ----

	private Response info(Request request) {
		checkPublicKey(request.queryParam("pub_key"), "pub_key");
		String fileId = request.queryParam("file_id");
		if (fileId == null || fileId.isEmpty()) {
			throw ApiException.badRequest("file_id is required.", "FileIdNotProvidedError");
		}
		StoredFile file = (UUID_PATTERN.matcher(fileId).matches() ? this.store.file(fileId) : Optional.<StoredFile>empty())
			.orElseThrow(() -> new ApiException(404, "File is not found.", "FileNotFoundError"));
		return json(200, this.views.uploadFile(file, null, true));
	}

	// ---- groups ----

	private Response createGroup(Request request) throws IOException {
		request.parseForm(null);
		checkPublicKey(request.field("pub_key"), "pub_key");
		checkSignature(request, "/group/");
		TreeMap<Integer, String> indexed = new TreeMap<>();
		List<String> values = new ArrayList<>();
		for (Map.Entry<String, List<String>> field : request.fields().entrySet()) {
			Matcher matcher = INDEXED_FILE.matcher(field.getKey());
			if (matcher.matches()) {
				for (String value : field.getValue()) {
					indexed.put(Integer.parseInt(matcher.group(1)), value);
				}
			}
		}
		values.addAll(indexed.values());
		values.addAll(request.fields().getOrDefault("files[]", List.of()));
		values.removeIf(String::isBlank);
		if (values.isEmpty()) {
			throw ApiException.badRequest("No files[N] parameters found.", "GroupFilesInvalidError");
		}
		if (values.size() > MAX_GROUP_FILES) {
			throw ApiException.badRequest("Group can not contain more than 1000 files.",
					"GroupFilesNumberLimitExceededError");
		}
		List<GroupEntry> entries = new ArrayList<>(values.size());
		for (String value : values) {
			entries.add(parseGroupFile(value.strip()));
		}
		for (GroupEntry entry : entries) {
			if (this.store.file(entry.fileUuid()).isEmpty()) {
				throw ApiException.badRequest("Some files not found.", "GroupFilesNotFoundError");
			}
		}
		StoredGroup group = this.store.createGroup(entries);
		return json(200, this.views.group(group, true, false));
	}

	/** Reads {@code uuid}, {@code uuid/-/ops/} or a CDN URL of a file, independently of the client. */
	static GroupEntry parseGroupFile(String value) {
		String rest = value;
		String lower = value.toLowerCase(Locale.ROOT);
		boolean url = lower.startsWith("http://") || lower.startsWith("https://");
		if (url) {
			int pathStart = value.indexOf('/', value.indexOf("//") + 2);
			if (pathStart < 0 || value.contains("?") || value.contains("#")) {
				throw notValidFileUrl(value);
			}
			rest = value.substring(pathStart + 1);
		}
		int slash = rest.indexOf('/');
		String uuid = (slash < 0) ? rest : rest.substring(0, slash);
		if (!UUID_PATTERN.matcher(uuid).matches()) {
			throw notValidFileUrl(value);
		}
		String tail = (slash < 0) ? "" : rest.substring(slash + 1);
		if (url && !tail.isEmpty() && !tail.endsWith("/")) {
			tail = tail.substring(0, tail.lastIndexOf('/') + 1);
		}
		if (!tail.isEmpty() && !tail.endsWith("/")) {
			tail = tail + "/";
		}
		if (!OPERATIONS.matcher(tail).matches()) {
			throw notValidFileUrl(value);
		}
		String effects = tail.isEmpty() ? "" : tail.substring(2);
		return new GroupEntry(uuid.toLowerCase(Locale.ROOT), effects);
	}

	private static ApiException notValidFileUrl(String value) {
		return ApiException.badRequest("This is not valid file url: " + value + ".", "GroupFileURLParsingFailedError");
	}

	private Response groupInfo(Request request) {
		checkPublicKey(request.queryParam("pub_key"), "pub_key");
		String groupId = request.queryParam("group_id");
		if (groupId == null || groupId.isEmpty()) {
			throw ApiException.badRequest("group_id is required.", "GroupIdRequiredError");
		}
		StoredGroup group = (GROUP_ID.matcher(groupId).matches() ? this.store.group(groupId)
				: Optional.<StoredGroup>empty())
			.orElseThrow(() -> new ApiException(404, "group_id is invalid.", "GroupNotFoundError"));
		return json(200, this.views.group(group, true, false));
	}

	// ---- shared checks ----

	private void checkPublicKey(@Nullable String value, String field) {
		if (value == null || value.isEmpty()) {
			throw new ApiException(403, field + " is required.", "ProjectPublicKeyRequiredError");
		}
		if (!value.equals(this.settings.publicKey())) {
			throw new ApiException(403, field + " is invalid.", "ProjectPublicKeyInvalidError");
		}
	}

	private void checkSignature(Request request, String endpoint) {
		this.auth
			.check(this.settings.signedUploadsRequired(), request.field("signature"), request.field("expire"),
					request.header("Authorization"), endpoint)
			.ifPresent((rejection) -> {
				throw ApiException.of(rejection);
			});
	}

	private static boolean storeFlag(@Nullable String value) {
		return !"0".equals(value) && !"false".equalsIgnoreCase(value);
	}

	private static Map<String, String> metadata(Request request) {
		Map<String, String> metadata = new LinkedHashMap<>();
		request.fields().forEach((name, values) -> {
			if (name.startsWith("metadata[") && name.endsWith("]") && !values.isEmpty()) {
				metadata.put(name.substring(9, name.length() - 1), values.get(values.size() - 1));
			}
		});
		if (metadata.size() > 50) {
			throw ApiException.badRequest("Too many metadata keys (at most 50).", "FileMetadataKeysNumberTooLargeError");
		}
		for (Map.Entry<String, String> entry : metadata.entrySet()) {
			if (entry.getValue().isEmpty() || entry.getValue().length() > 512) {
				throw ApiException.badRequest("Metadata value of '" + entry.getKey()
						+ "' must be 1 to 512 characters long.", "FileMetadataValueLengthTooBigError");
			}
		}
		return metadata;
	}

	private static long longField(Request request, String name, long defaultValue, String errorCode) {
		String value = request.field(name);
		if (value == null || value.isEmpty()) {
			return defaultValue;
		}
		try {
			return Long.parseLong(value.strip());
		}
		catch (NumberFormatException ex) {
			throw ApiException.badRequest(name + " must be an integer.", errorCode);
		}
	}

	private static String mimeType(@Nullable String contentType, String filename) {
		if (contentType != null && !contentType.isBlank()
				&& !contentType.toLowerCase(Locale.ROOT).startsWith("application/octet-stream")) {
			int semicolon = contentType.indexOf(';');
			return ((semicolon < 0) ? contentType : contentType.substring(0, semicolon)).strip();
		}
		String guessed = URLConnection.guessContentTypeFromName(filename);
		return (guessed != null) ? guessed : "application/octet-stream";
	}

	private Response json(int status, Object body) {
		return Response.bytes(status, "application/json", this.json.writeValueAsBytes(body));
	}

}
