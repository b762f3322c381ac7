package io.github.ucgroups.emulator.http;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.ucgroups.emulator.faults.FaultDecision;
import io.github.ucgroups.emulator.faults.Faults;
import io.github.ucgroups.emulator.journal.Journal;
import io.github.ucgroups.emulator.store.EmulatorStore;
import io.github.ucgroups.emulator.webhooks.EmulatorWebhooks;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * The emulator's HTTP servers, on the JDK's {@link HttpServer} with one bounded pool of worker
 * threads. Each API sits at the root of its own loopback port, as the real hosts do (official
 * clients replace the path of the base URL they are given): the Upload API (and presigned
 * multipart part URLs under {@code /s3-part/}), the REST API and the CDN. Fault rules and the
 * journal name REST requests {@code /rest/…} and CDN requests {@code /cdn/…} so that a rule
 * says which API it is for. Internal: use {@link io.github.ucgroups.emulator.UploadcareEmulator}.
 */
public final class EmulatorHttpServer implements AutoCloseable {

	private final ServerSettings settings;

	private final EmulatorStore store;

	private final Faults faults;

	private final Journal journal;

	private final JsonMapper json = JsonMapper.builder().build();

	private final HttpServer uploadServer;

	private final HttpServer restServer;

	private final HttpServer cdnServer;

	private final ThreadPoolExecutor workers;

	private final ThreadPoolExecutor background;

	private final String uploadUrl;

	private final String restUrl;

	private final String cdnUrl;

	private final UploadApi uploadApi;

	private final RestApi restApi;

	private final CdnApi cdnApi;

	private final EmulatorWebhooks webhooks;

	static {
		// The JDK HttpServer leaves Nagle's algorithm on, which with delayed ACKs adds about 40 ms
		// to every keep-alive exchange (measured: 44 ms per group creation instead of about 1 ms).
		// The setting is read once, when the JDK's server configuration is first loaded; an
		// explicit -Dsun.net.httpserver.nodelay=false still wins.
		if (System.getProperty("sun.net.httpserver.nodelay") == null) {
			System.setProperty("sun.net.httpserver.nodelay", "true");
		}
	}

	/**
	 * Binds the server and starts serving.
	 * @param settings the settings
	 * @param store the state
	 * @param faults the fault rules
	 * @param journal the journal to record requests in
	 * @throws IOException if the port cannot be bound
	 */
	public EmulatorHttpServer(ServerSettings settings, EmulatorStore store, Faults faults, Journal journal)
			throws IOException {
		this.settings = settings;
		this.store = store;
		this.faults = faults;
		this.journal = journal;
		this.uploadServer = bind(settings.host(), settings.port());
		try {
			this.restServer = bind(settings.host(), settings.restPort());
			try {
				this.cdnServer = bind(settings.host(), settings.cdnPort());
			}
			catch (IOException ex) {
				this.restServer.stop(0);
				throw ex;
			}
		}
		catch (IOException ex) {
			this.uploadServer.stop(0);
			throw ex;
		}
		int port = port();
		this.workers = pool("uploadcare-emulator-" + port + "-", settings.threads());
		this.background = pool("uploadcare-emulator-" + port + "-fetch-", 4);
		this.uploadUrl = baseUrl(settings.host(), this.uploadServer);
		this.restUrl = baseUrl(settings.host(), this.restServer);
		this.cdnUrl = baseUrl(settings.host(), this.cdnServer);
		Views views = new Views(store, java.net.URI.create(this.cdnUrl), java.net.URI.create(this.restUrl));
		this.uploadApi = new UploadApi(settings, store, views, this.json, this.background, faults, this.uploadUrl);
		this.webhooks = new EmulatorWebhooks(settings.publicKey(), settings.fromUrlHostAllowed(), settings.clock(),
				this.json, (file, removed) -> views.restFile(file, null, removed));
		store.setFileEventListener(this.webhooks);
		this.restApi = new RestApi(settings, store, views, this.json, this.restUrl, this.webhooks);
		this.cdnApi = new CdnApi(store, this.cdnUrl);
		serve(this.uploadServer, Api.UPLOAD);
		serve(this.restServer, Api.REST);
		serve(this.cdnServer, Api.CDN);
	}

	/** Which API a server answers for, and the prefix its requests carry in faults and the journal. */
	enum Api {

		UPLOAD(""), REST("/rest"), CDN("/cdn");

		final String journalPrefix;

		Api(String journalPrefix) {
			this.journalPrefix = journalPrefix;
		}

	}

	private static HttpServer bind(String host, int port) throws IOException {
		return HttpServer.create(new InetSocketAddress(host, port), 100);
	}

	private static String baseUrl(String host, HttpServer server) {
		String literal = host.contains(":") ? "[" + host + "]" : host;
		return "http://" + literal + ":" + server.getAddress().getPort();
	}

	private void serve(HttpServer server, Api api) {
		server.setExecutor(this.workers);
		server.createContext("/", (exchange) -> handle(exchange, api));
		server.start();
	}

	private static ThreadPoolExecutor pool(String prefix, int threads) {
		AtomicInteger counter = new AtomicInteger();
		ThreadFactory factory = (runnable) -> {
			Thread thread = new Thread(runnable, prefix + counter.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
		ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
				new LinkedBlockingQueue<>(), factory);
		pool.allowCoreThreadTimeOut(true);
		return pool;
	}

	/**
	 * Returns the Upload API's port.
	 * @return the port
	 */
	public int port() {
		return this.uploadServer.getAddress().getPort();
	}

	/**
	 * Returns the REST API's port.
	 * @return the port
	 */
	public int restPort() {
		return this.restServer.getAddress().getPort();
	}

	/**
	 * Returns the CDN's port.
	 * @return the port
	 */
	public int cdnPort() {
		return this.cdnServer.getAddress().getPort();
	}

	/**
	 * Returns the Upload API base URL, e.g. {@code http://127.0.0.1:PORT}.
	 * @return the base URL, without a trailing slash
	 */
	public String uploadUrl() {
		return this.uploadUrl;
	}

	/**
	 * Returns the REST API base URL, e.g. {@code http://127.0.0.1:REST_PORT}.
	 * @return the base URL, without a trailing slash
	 */
	public String restUrl() {
		return this.restUrl;
	}

	/**
	 * Returns the CDN base URL, e.g. {@code http://127.0.0.1:CDN_PORT}.
	 * @return the base URL, without a trailing slash
	 */
	public String cdnUrl() {
		return this.cdnUrl;
	}

	private void handle(HttpExchange exchange, Api api) throws IOException {
		Request request = new Request(exchange, this.settings.clock().instant(), api);
		try {
			if (api != Api.REST && request.method.equals("OPTIONS")) {
				// A browser's preflight: answered before any fault rule, which is meant for the
				// request the preflight announces.
				Response preflight = Cors.preflight(request.header("Access-Control-Request-Headers"));
				this.journal.record(request.toEntry(preflight.status));
				preflight.send(exchange);
				return;
			}
			FaultDecision fault = this.faults.next(request.journalPath);
			if (!fault.delay().isZero()) {
				sleep(fault.delay());
			}
			Response response = switch (fault.kind()) {
				case DROP -> null;
				case THROTTLE -> throttled(request, fault.retryAfter());
				case FAIL -> failed(request, fault.status());
				case NONE -> route(request);
			};
			if (response == null) {
				this.journal.record(request.toEntry(0));
				return;
			}
			if (api != Api.REST) {
				Cors.allow(response);
			}
			this.journal.record(request.toEntry(response.status));
			response.send(exchange);
		}
		catch (IOException | RuntimeException ex) {
			// The client went away or the response could not be written: nothing more to say.
		}
		finally {
			exchange.close();
		}
	}

	private Response route(Request request) {
		try {
			return switch (request.api) {
				case REST -> this.restApi.handle(request);
				case CDN -> this.cdnApi.handle(request);
				case UPLOAD -> this.uploadApi.handle(request);
			};
		}
		catch (ApiException ex) {
			return error(request, ex.status, ex.getMessage(), ex.errorCode);
		}
		catch (IOException | RuntimeException ex) {
			return error(request, 500, "Internal error.", "UploadAPIError");
		}
	}

	private Response error(Request request, int status, String message, String code) {
		if (request.api == Api.REST) {
			return this.restApi.detail(status, message);
		}
		if (request.api == Api.CDN || request.path.startsWith("/s3-part/")) {
			return Response.text(status, message);
		}
		if ("1".equals(request.queryParam("jsonerrors"))) {
			Map<String, Object> error = new LinkedHashMap<>();
			error.put("status_code", status);
			error.put("content", message);
			error.put("error_code", code);
			byte[] body = this.json.writeValueAsBytes(Map.of("error", error));
			return Response.bytes(this.settings.jsonErrorsWithHttpStatus() ? status : 200, "application/json", body);
		}
		return Response.text(status, message);
	}

	private Response throttled(Request request, Duration retryAfter) {
		long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
		Response response = (request.api == Api.REST)
				? this.restApi.detail(429, "Request was throttled. Expected available in " + seconds + " seconds.")
				: error(request, 429, "Request was throttled.", "RequestThrottledError");
		return response.header("Retry-After", Long.toString(seconds));
	}

	private Response failed(Request request, int status) {
		String message = (status == 500) ? "Internal error." : "Service temporarily unavailable.";
		if (request.path.startsWith("/s3-part/")) {
			return Response.bytes(status, "application/xml",
					("<Error><Code>InternalError</Code><Message>" + message + "</Message></Error>")
						.getBytes(StandardCharsets.UTF_8));
		}
		return error(request, status, message, "UploadAPIError");
	}

	private static void sleep(Duration delay) {
		try {
			Thread.sleep(delay.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Returns the store this server serves.
	 * @return the store
	 */
	public EmulatorStore store() {
		return this.store;
	}

	/**
	 * Returns the webhook subscriptions and deliveries.
	 * @return the webhooks
	 */
	public EmulatorWebhooks webhooks() {
		return this.webhooks;
	}

	/** Forgets the tokens of uploads from URLs and the webhooks (the store and faults are reset by their owners). */
	public void reset() {
		this.uploadApi.clearFromUrlTasks();
		this.webhooks.reset();
	}

	/** Stops the server at once and its threads. */
	@Override
	public void close() {
		this.uploadServer.stop(0);
		this.restServer.stop(0);
		this.cdnServer.stop(0);
		this.workers.shutdownNow();
		this.background.shutdownNow();
		this.webhooks.close();
		awaitQuietly(this.workers);
		awaitQuietly(this.background);
	}

	private static void awaitQuietly(@Nullable ExecutorService pool) {
		if (pool == null) {
			return;
		}
		try {
			pool.awaitTermination(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
