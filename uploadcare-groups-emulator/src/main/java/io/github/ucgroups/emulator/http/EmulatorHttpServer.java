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
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * The emulator's HTTP server, on the JDK's {@link HttpServer} with a bounded pool of worker
 * threads. One port serves everything: the Upload API at the root, the REST API under
 * {@code /rest}, the CDN under {@code /cdn} and presigned multipart part URLs under
 * {@code /s3-part}. Internal: use {@link io.github.ucgroups.emulator.UploadcareEmulator}.
 */
public final class EmulatorHttpServer implements AutoCloseable {

	private final ServerSettings settings;

	private final EmulatorStore store;

	private final Faults faults;

	private final Journal journal;

	private final JsonMapper json = JsonMapper.builder().build();

	private final HttpServer server;

	private final ThreadPoolExecutor workers;

	private final ThreadPoolExecutor background;

	private final String baseUrl;

	private final UploadApi uploadApi;

	private final RestApi restApi;

	private final CdnApi cdnApi;

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
		this.server = HttpServer.create(new InetSocketAddress(settings.host(), settings.port()), 100);
		int port = this.server.getAddress().getPort();
		this.workers = pool("uploadcare-emulator-" + port + "-", settings.threads());
		this.background = pool("uploadcare-emulator-" + port + "-fetch-", 4);
		String host = settings.host().contains(":") ? "[" + settings.host() + "]" : settings.host();
		this.baseUrl = "http://" + host + ":" + this.server.getAddress().getPort();
		Views views = new Views(store, java.net.URI.create(cdnUrl()), java.net.URI.create(restUrl()));
		this.uploadApi = new UploadApi(settings, store, views, this.json, this.background, this.baseUrl);
		this.restApi = new RestApi(settings, store, views, this.json, restUrl());
		this.cdnApi = new CdnApi(store, cdnUrl());
		this.server.setExecutor(this.workers);
		this.server.createContext("/", this::handle);
		this.server.start();
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
	 * Returns the bound port.
	 * @return the port
	 */
	public int port() {
		return this.server.getAddress().getPort();
	}

	/**
	 * Returns the Upload API base URL, e.g. {@code http://127.0.0.1:PORT}.
	 * @return the base URL, without a trailing slash
	 */
	public String uploadUrl() {
		return this.baseUrl;
	}

	/**
	 * Returns the REST API base URL, {@code http://127.0.0.1:PORT/rest}.
	 * @return the base URL, without a trailing slash
	 */
	public String restUrl() {
		return this.baseUrl + RestApi.PREFIX;
	}

	/**
	 * Returns the CDN base URL, {@code http://127.0.0.1:PORT/cdn}.
	 * @return the base URL, without a trailing slash
	 */
	public String cdnUrl() {
		return this.baseUrl + CdnApi.PREFIX;
	}

	private void handle(HttpExchange exchange) throws IOException {
		Request request = new Request(exchange, this.settings.clock().instant());
		try {
			FaultDecision fault = this.faults.next(request.path);
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
			if (isUnder(request.path, RestApi.PREFIX)) {
				return this.restApi.handle(request);
			}
			if (isUnder(request.path, CdnApi.PREFIX)) {
				return this.cdnApi.handle(request);
			}
			return this.uploadApi.handle(request);
		}
		catch (ApiException ex) {
			return error(request, ex.status, ex.getMessage(), ex.errorCode);
		}
		catch (IOException | RuntimeException ex) {
			return error(request, 500, "Internal error.", "UploadAPIError");
		}
	}

	private static boolean isUnder(String path, String prefix) {
		return path.startsWith(prefix + "/") || path.equals(prefix);
	}

	private Response error(Request request, int status, String message, String code) {
		if (isUnder(request.path, RestApi.PREFIX)) {
			return this.restApi.detail(status, message);
		}
		if (isUnder(request.path, CdnApi.PREFIX) || request.path.startsWith("/s3-part/")) {
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
		Response response = isUnder(request.path, RestApi.PREFIX)
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

	/** Forgets the tokens of uploads from URLs (the store and faults are reset by their owners). */
	public void reset() {
		this.uploadApi.clearFromUrlTasks();
	}

	/** Stops the server at once and its threads. */
	@Override
	public void close() {
		this.server.stop(0);
		this.workers.shutdownNow();
		this.background.shutdownNow();
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
