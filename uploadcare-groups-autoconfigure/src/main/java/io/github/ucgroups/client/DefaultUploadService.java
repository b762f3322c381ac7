package io.github.ucgroups.client;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import io.github.ucgroups.FileRef;
import io.github.ucgroups.StoreMode;
import io.github.ucgroups.UploadOptions;
import io.github.ucgroups.UploadProgressListener;
import io.github.ucgroups.UploadService;
import io.github.ucgroups.UploadSource;
import io.github.ucgroups.UploadcareBatchUploadException;
import io.github.ucgroups.UploadcareException;
import io.github.ucgroups.UploadcareFromUrlException;
import io.github.ucgroups.UploadcareNetworkException;
import io.github.ucgroups.UploadcarePartUploadException;
import io.github.ucgroups.UploadcareServerException;
import io.github.ucgroups.UploadedFile;
import io.github.ucgroups.http.JsonFields;
import io.github.ucgroups.http.UploadcareApi;
import io.github.ucgroups.http.UploadcareRequest;
import io.github.ucgroups.http.UploadcareTransport;
import io.github.ucgroups.signing.SignedForm;
import io.github.ucgroups.signing.UploadSigner;

import org.springframework.core.io.AbstractResource;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.util.MultiValueMap;

/**
 * {@link UploadService} over the Upload API: {@code POST /base/} below the multipart
 * threshold; {@code POST /multipart/start/}, parallel {@code PUT}s of the parts to their
 * presigned URLs, and {@code POST /multipart/complete/} from it on; {@code POST /from_url/}
 * and polling of {@code GET /from_url/status/}. Every request goes through the
 * {@link UploadcareTransport} (so each one, each part included, is observed and retried on its
 * own) and every signable request is signed per attempt.
 * <p>
 * The service owns two bounded thread pools (files of a batch, parts of multipart uploads) with
 * named threads that end when idle (non-daemon platform threads, or virtual threads: see
 * {@link UploadThreads}); {@link #close()} shuts them down. The caller's
 * current observation is carried into those threads, so the requests made there (each part, for
 * instance) appear in the caller's trace.
 * <p>
 * {@link #close()} is graceful: new uploads are refused at once, uploads in flight get the
 * {@linkplain #DefaultUploadService(UploadcareTransport, UploadSigner, String, Settings, ObservationRegistry, Duration)
 * shutdown timeout} to finish; those still running then are cancelled (their callers get an
 * {@link UploadcareException}) and the UUIDs of files they had already uploaded are logged at
 * WARN, so that nothing uploaded is forgotten.
 */
public class DefaultUploadService implements UploadService, AutoCloseable {

	static final String UPLOAD = "file.upload";

	static final String PART = "file.upload.part";

	static final String MULTIPART_START = "file.multipart.start";

	static final String MULTIPART_COMPLETE = "file.multipart.complete";

	static final String FROM_URL = "file.from-url";

	static final String FROM_URL_STATUS = "file.from-url.status";

	static final String BATCH = "file.upload-batch";

	private static final String BASE_SCOPE = "/base/";

	private static final String MULTIPART_SCOPE = "/multipart/start/";

	private static final String FROM_URL_SCOPE = "/from_url/";

	private static final Log logger = LogFactory.getLog(DefaultUploadService.class);

	private final UploadcareTransport transport;

	private final UploadSigner signer;

	private final String publicKey;

	private final Settings settings;

	private final ThreadPoolExecutor filePool;

	private final ThreadPoolExecutor partPool;

	private final ObservationRegistry observationRegistry;

	/** The longest wait of {@link #close()} for uploads in flight. */
	private final Duration shutdownTimeout;

	/** The public calls in flight ({@code upload}, {@code uploadAll}, {@code uploadFromUrl}). */
	private final Set<InFlight> inFlight = ConcurrentHashMap.newKeySet();

	private final Object inFlightMonitor = new Object();

	private volatile boolean closed;

	/** Set when {@link #close()} gave up waiting and cancels what is still running. */
	private volatile boolean cancelling;

	/** The default {@linkplain #getShutdownTimeout() shutdown timeout}, 30 seconds. */
	public static final Duration DEFAULT_SHUTDOWN_TIMEOUT = Duration.ofSeconds(30);

	/**
	 * Creates the service, without observations of its own.
	 * @param transport the Upload API transport
	 * @param signer signs uploads
	 * @param publicKey the project's public key
	 * @param settings thresholds, part size, concurrency and timeouts
	 */
	public DefaultUploadService(UploadcareTransport transport, UploadSigner signer, String publicKey,
			Settings settings) {
		this(transport, signer, publicKey, settings, ObservationRegistry.NOOP);
	}

	/**
	 * Creates the service.
	 * @param transport the Upload API transport
	 * @param signer signs uploads
	 * @param publicKey the project's public key
	 * @param settings thresholds, part size, concurrency and timeouts
	 * @param observationRegistry whose current observation is carried into upload threads
	 */
	public DefaultUploadService(UploadcareTransport transport, UploadSigner signer, String publicKey,
			Settings settings, ObservationRegistry observationRegistry) {
		this(transport, signer, publicKey, settings, observationRegistry, DEFAULT_SHUTDOWN_TIMEOUT);
	}

	/**
	 * Creates the service.
	 * @param transport the Upload API transport
	 * @param signer signs uploads
	 * @param publicKey the project's public key
	 * @param settings thresholds, part size, concurrency and timeouts
	 * @param observationRegistry whose current observation is carried into upload threads
	 * @param shutdownTimeout how long {@link #close()} lets uploads in flight finish before it
	 * cancels them (zero: cancel at once)
	 */
	public DefaultUploadService(UploadcareTransport transport, UploadSigner signer, String publicKey,
			Settings settings, ObservationRegistry observationRegistry, Duration shutdownTimeout) {
		this(transport, signer, publicKey, settings, observationRegistry, shutdownTimeout, UploadThreads.platform());
	}

	/**
	 * Creates the service.
	 * @param transport the Upload API transport
	 * @param signer signs uploads
	 * @param publicKey the project's public key
	 * @param settings thresholds, part size, concurrency and timeouts
	 * @param observationRegistry whose current observation is carried into upload threads
	 * @param shutdownTimeout how long {@link #close()} lets uploads in flight finish before it
	 * cancels them (zero: cancel at once)
	 * @param threads makes the threads of the two bounded pools (platform or virtual threads;
	 * the pools' sizes are the same)
	 */
	public DefaultUploadService(UploadcareTransport transport, UploadSigner signer, String publicKey,
			Settings settings, ObservationRegistry observationRegistry, Duration shutdownTimeout,
			UploadThreads threads) {
		Objects.requireNonNull(threads, "threads must not be null");
		Objects.requireNonNull(shutdownTimeout, "shutdownTimeout must not be null");
		if (shutdownTimeout.isNegative()) {
			throw new IllegalArgumentException("The shutdown timeout must not be negative; got " + shutdownTimeout);
		}
		this.shutdownTimeout = shutdownTimeout;
		this.observationRegistry = Objects.requireNonNull(observationRegistry, "observationRegistry must not be null");
		this.transport = Objects.requireNonNull(transport, "transport must not be null");
		this.signer = Objects.requireNonNull(signer, "signer must not be null");
		if (publicKey == null || publicKey.isBlank()) {
			throw new IllegalArgumentException("The Uploadcare public key must not be blank");
		}
		this.publicKey = publicKey;
		this.settings = Objects.requireNonNull(settings, "settings must not be null");
		this.filePool = pool(threads.threadFactory("uploadcare-upload-"), settings.maxConcurrentFiles());
		this.partPool = pool(threads.threadFactory("uploadcare-part-"),
				settings.maxConcurrentFiles() * settings.partConcurrency());
	}

	private static ThreadPoolExecutor pool(ThreadFactory factory, int threads) {
		ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
				new LinkedBlockingQueue<>(), factory);
		pool.allowCoreThreadTimeOut(true);
		return pool;
	}

	/** Returns the settings. */
	public Settings getSettings() {
		return this.settings;
	}

	/**
	 * Returns how long {@link #close()} lets uploads in flight finish before cancelling them.
	 * @return the shutdown timeout
	 */
	public Duration getShutdownTimeout() {
		return this.shutdownTimeout;
	}

	@Override
	public UploadedFile upload(UploadSource source, UploadOptions options) {
		checkSource(source, "source");
		Objects.requireNonNull(options, "options must not be null");
		InFlight call = begin();
		try {
			return uploadOne(0, source, options, new BatchProgress(options.getProgressListener(), source.size()),
					call);
		}
		finally {
			end(call);
		}
	}

	/** Registers a public call; refuses it once the service is closing. */
	private InFlight begin() {
		InFlight call = new InFlight();
		this.inFlight.add(call); // before the check: close() either sees the call or refuses it
		if (this.closed) {
			end(call);
			throw new IllegalStateException("The upload service has been closed");
		}
		return call;
	}

	private void end(InFlight call) {
		this.inFlight.remove(call);
		synchronized (this.inFlightMonitor) {
			this.inFlightMonitor.notifyAll();
		}
	}

	@Override
	public List<UploadedFile> uploadAll(List<UploadSource> sources, UploadOptions options) {
		Objects.requireNonNull(sources, "sources must not be null");
		Objects.requireNonNull(options, "options must not be null");
		if (sources.isEmpty()) {
			throw new IllegalArgumentException("There are no files to upload; the list is empty");
		}
		List<UploadSource> snapshot = new ArrayList<>(sources.size());
		long total = 0;
		for (int i = 0; i < sources.size(); i++) {
			UploadSource source = sources.get(i);
			checkSource(source, "sources[" + i + "]");
			snapshot.add(source);
			total += source.size();
		}
		BatchProgress progress = new BatchProgress(options.getProgressListener(), total);
		InFlight call = begin();
		try {
			return uploadAll(snapshot, options, progress, call);
		}
		finally {
			end(call);
		}
	}

	private List<UploadedFile> uploadAll(List<UploadSource> snapshot, UploadOptions options, BatchProgress progress,
			InFlight call) {
		List<Future<UploadedFile>> futures = new ArrayList<>(snapshot.size());
		try {
			for (int i = 0; i < snapshot.size(); i++) {
				int index = i;
				futures.add(this.filePool.submit(inCallersObservation(() -> {
					UploadedFile file = uploadOne(index, snapshot.get(index), options, progress, call);
					call.uploaded.add(file.uuid());
					return file;
				})));
			}
		}
		catch (RejectedExecutionException ex) {
			futures.forEach((future) -> future.cancel(true));
			throw new IllegalStateException("The upload service has been closed", ex);
		}
		boolean interrupted = awaitAll(futures);
		List<UploadcareBatchUploadException.Uploaded> uploaded = new ArrayList<>();
		List<UploadcareBatchUploadException.Failure> failures = new ArrayList<>();
		List<UploadedFile> files = new ArrayList<>();
		for (int i = 0; i < futures.size(); i++) {
			Future<UploadedFile> future = futures.get(i);
			String filename = snapshot.get(i).filename();
			if (future.isCancelled()) {
				failures.add(new UploadcareBatchUploadException.Failure(i, filename,
						new CancellationException(this.cancelling ? "cancelled: the upload service was shut down"
								: "cancelled: the calling thread was interrupted")));
				continue;
			}
			try {
				UploadedFile file = future.get(); // done: does not block
				uploaded.add(new UploadcareBatchUploadException.Uploaded(i, file));
				files.add(file);
			}
			catch (ExecutionException ex) {
				failures.add(new UploadcareBatchUploadException.Failure(i, filename,
						(ex.getCause() != null) ? ex.getCause() : ex));
			}
			catch (InterruptedException ex) {
				interrupted = true;
				failures.add(new UploadcareBatchUploadException.Failure(i, filename, ex));
			}
		}
		if (interrupted) {
			Thread.currentThread().interrupt();
		}
		if (!failures.isEmpty()) {
			throw new UploadcareBatchUploadException(BATCH, snapshot.size(), uploaded, failures, null,
					UploadcareBatchUploadException.OrphanOutcome.KEPT);
		}
		return files;
	}

	/** Waits for every future; on interruption cancels those not done. Returns whether interrupted. */
	private static boolean awaitAll(List<? extends Future<?>> futures) {
		for (Future<?> future : futures) {
			try {
				future.get();
			}
			catch (ExecutionException | CancellationException ex) {
				// collected afterwards
			}
			catch (InterruptedException ex) {
				futures.forEach((each) -> each.cancel(true));
				return true;
			}
		}
		return false;
	}

	/** Runs the task in another thread within the calling thread's current observation. */
	private <T> Callable<T> inCallersObservation(Callable<T> task) {
		Observation parent = this.observationRegistry.getCurrentObservation();
		if (parent == null) {
			return task;
		}
		return () -> {
			try (Observation.Scope scope = parent.openScope()) {
				return task.call();
			}
		};
	}

	private static void checkSource(@Nullable UploadSource source, String name) {
		if (source == null) {
			throw new IllegalArgumentException(name + " is null");
		}
		if (source.size() < 0) {
			throw new IllegalArgumentException(
					name + " (" + source.filename() + ") has an unknown size; Uploadcare needs it in advance");
		}
	}

	private UploadedFile uploadOne(int index, UploadSource source, UploadOptions options, BatchProgress batch,
			InFlight call) {
		FileProgress progress = new FileProgress(index, source, batch);
		if (source.size() >= this.settings.multipartThreshold()) {
			return multipartUpload(source, options, progress, call);
		}
		return directUpload(source, options, progress);
	}

	// ---- direct upload -------------------------------------------------------------------

	private UploadedFile directUpload(UploadSource source, UploadOptions options, FileProgress progress) {
		long size = source.size();
		Supplier<Resource> content = contentOf(source, 0, size, UPLOAD);
		String store = storeValue(options);
		UploadcareRequest request = UploadcareRequest.to(UPLOAD, UploadcareApi.UPLOAD, HttpMethod.POST, BASE_SCOPE)
			.headers((headers) -> this.signer.authorize(BASE_SCOPE).addTo(headers))
			.body(MediaType.MULTIPART_FORM_DATA, () -> baseForm(source, store, options.getMetadata(), content.get()))
			.observationDetails((context) -> {
				context.setFileCount(1);
				context.setBytes(size);
			})
			.build();
		JsonNode json = this.transport.exchangeForJson(request);
		String uuid = requiredUuid(UPLOAD, json, "file");
		progress.advance(size);
		return new UploadedFile(uuid, source.filename(), size, source.contentType());
	}

	private MultiValueMap<String, Object> baseForm(UploadSource source, String store, Map<String, String> metadata,
			Resource content) {
		MultiValueMap<String, Object> form = new SignedForm();
		form.add("UPLOADCARE_PUB_KEY", this.publicKey);
		form.add("UPLOADCARE_STORE", store);
		metadata.forEach((key, value) -> form.add("metadata[" + key + "]", value));
		this.signer.authorize(BASE_SCOPE).addTo(form);
		HttpHeaders partHeaders = new HttpHeaders();
		partHeaders.setContentType(MediaType.parseMediaType(source.contentType()));
		// The file goes last, after every field the server checks first.
		form.add("file", new HttpEntity<>(content, partHeaders));
		return form;
	}

	// ---- multipart upload ----------------------------------------------------------------

	private UploadedFile multipartUpload(UploadSource source, UploadOptions options, FileProgress progress,
			InFlight call) {
		long size = source.size();
		long partSize = this.settings.partSize();
		int partCount = (int) ((size + partSize - 1) / partSize);
		String store = storeValue(options);
		UploadcareRequest start = UploadcareRequest
			.to(MULTIPART_START, UploadcareApi.UPLOAD, HttpMethod.POST, MULTIPART_SCOPE)
			.headers((headers) -> this.signer.authorize(MULTIPART_SCOPE).addTo(headers))
			.body(MediaType.MULTIPART_FORM_DATA, () -> startForm(source, store, options.getMetadata()))
			.observationDetails((context) -> {
				context.setFileCount(1);
				context.setBytes(size);
			})
			.build();
		JsonNode json = this.transport.exchangeForJson(start);
		String uuid = requiredUuid(MULTIPART_START, json, "uuid");
		List<URI> urls = partUrls(json, partCount);
		call.multipartStarted.add(uuid);
		uploadParts(uuid, source, urls, progress);
		UploadcareRequest complete = UploadcareRequest
			.to(MULTIPART_COMPLETE, UploadcareApi.UPLOAD, HttpMethod.POST, "/multipart/complete/")
			.body(MediaType.MULTIPART_FORM_DATA, () -> completeForm(uuid))
			.build();
		this.transport.exchangeForJson(complete);
		call.multipartStarted.remove(uuid);
		return new UploadedFile(uuid, source.filename(), size, source.contentType());
	}

	private MultiValueMap<String, Object> startForm(UploadSource source, String store, Map<String, String> metadata) {
		MultiValueMap<String, Object> form = new SignedForm();
		form.add("UPLOADCARE_PUB_KEY", this.publicKey);
		form.add("UPLOADCARE_STORE", store);
		form.add("filename", source.filename());
		form.add("size", Long.toString(source.size()));
		form.add("content_type", source.contentType());
		form.add("part_size", Long.toString(this.settings.partSize()));
		metadata.forEach((key, value) -> form.add("metadata[" + key + "]", value));
		this.signer.authorize(MULTIPART_SCOPE).addTo(form);
		return form;
	}

	private MultiValueMap<String, Object> completeForm(String uuid) {
		MultiValueMap<String, Object> form = new SignedForm();
		form.add("UPLOADCARE_PUB_KEY", this.publicKey);
		form.add("uuid", uuid);
		return form;
	}

	private static List<URI> partUrls(JsonNode json, int partCount) {
		JsonNode parts = json.get("parts");
		if (parts == null || !parts.isArray() || parts.size() != partCount) {
			throw new UploadcareServerException(MULTIPART_START, 200, null, "expected " + partCount
					+ " part URLs, Uploadcare sent " + ((parts != null && parts.isArray()) ? parts.size() : "none"),
					null);
		}
		List<URI> urls = new ArrayList<>(partCount);
		for (JsonNode part : parts) {
			try {
				URI uri = URI.create(part.asString());
				if (!uri.isAbsolute()) {
					throw new IllegalArgumentException("not absolute");
				}
				urls.add(uri);
			}
			catch (IllegalArgumentException ex) {
				throw new UploadcareServerException(MULTIPART_START, 200, null,
						"Uploadcare sent a malformed part URL: " + ex.getMessage(), ex);
			}
		}
		return urls;
	}

	private record PartFailure(int number, long offset, long length, UploadcareException cause) {
	}

	private void uploadParts(String uuid, UploadSource source, List<URI> urls, FileProgress progress) {
		long size = source.size();
		long partSize = this.settings.partSize();
		MediaType contentType = MediaType.parseMediaType(source.contentType());
		// At most partConcurrency parts of this file are in flight (and, for a one-shot stream,
		// buffered) at any time; a permit is returned when a part's PUT ends.
		Semaphore permits = new Semaphore(this.settings.partConcurrency());
		AtomicReference<@Nullable PartFailure> failure = new AtomicReference<>();
		List<Future<?>> futures = new ArrayList<>(urls.size());
		try {
			for (int i = 0; i < urls.size() && failure.get() == null; i++) {
				// A part cancelled by close() before it ran never returns its permit: look up.
				while (!permits.tryAcquire(100, TimeUnit.MILLISECONDS)) {
					if (this.cancelling) {
						throw cancelledByShutdown(uuid, source);
					}
				}
				if (failure.get() != null) {
					permits.release();
					break;
				}
				int number = i + 1;
				long offset = i * partSize;
				long length = Math.min(partSize, size - offset);
				URI url = urls.get(i);
				Supplier<Resource> content;
				try {
					content = contentOf(source, offset, length, PART);
				}
				catch (RuntimeException ex) {
					permits.release();
					throw ex;
				}
				try {
					futures.add(this.partPool.submit(inCallersObservation(() -> {
						try {
							if (failure.get() == null) {
								putPart(url, contentType, content, length);
								progress.advance(length);
							}
						}
						catch (UploadcareException ex) {
							failure.compareAndSet(null, new PartFailure(number, offset, length, ex));
						}
						catch (RuntimeException ex) {
							failure.compareAndSet(null, new PartFailure(number, offset, length,
									new UploadcareException(PART, 0, null, String.valueOf(ex), ex)));
						}
						finally {
							permits.release();
						}
						return null;
					})));
				}
				catch (RejectedExecutionException ex) {
					permits.release();
					throw new IllegalStateException("The upload service has been closed", ex);
				}
			}
			for (Future<?> future : futures) {
				future.get();
			}
		}
		catch (CancellationException ex) {
			futures.forEach((future) -> future.cancel(true));
			throw cancelledByShutdown(uuid, source);
		}
		catch (InterruptedException ex) {
			futures.forEach((future) -> future.cancel(true));
			Thread.currentThread().interrupt();
			throw new UploadcareNetworkException(PART,
					"interrupted while uploading the parts of '" + source.filename() + "' (upload " + uuid + ")", false,
					ex);
		}
		catch (ExecutionException ex) {
			// The tasks catch every RuntimeException; only Errors get here.
			futures.forEach((future) -> future.cancel(true));
			throw new IllegalStateException("Uploading a part failed", ex.getCause());
		}
		catch (RuntimeException ex) {
			futures.forEach((future) -> future.cancel(true));
			throw ex;
		}
		PartFailure failed = failure.get();
		if (failed != null) {
			throw new UploadcarePartUploadException(uuid, source.filename(), failed.number(), urls.size(),
					failed.offset(), failed.length(), failed.cause());
		}
	}

	private UploadcareNetworkException cancelledByShutdown(String uuid, UploadSource source) {
		return new UploadcareNetworkException(PART, "cancelled: the upload service was shut down while uploading the "
				+ "parts of '" + source.filename() + "' (upload " + uuid + ")", false, null);
	}

	private void putPart(URI url, MediaType contentType, Supplier<Resource> content, long length) {
		UploadcareRequest request = UploadcareRequest.toUri(PART, UploadcareApi.STORAGE, HttpMethod.PUT, url)
			.body(contentType, content)
			.observationDetails((context) -> context.setBytes(length))
			.build();
		this.transport.exchange(request);
	}

	/**
	 * Returns what supplies a fresh body per attempt: a view of the source's range when it can
	 * be read again, else the range read once into memory.
	 */
	private static Supplier<Resource> contentOf(UploadSource source, long offset, long length, String operation) {
		if (source.isRepeatable()) {
			return () -> new SourceRangeResource(source, offset, length);
		}
		byte[] bytes = read(source, offset, length, operation);
		String filename = source.filename();
		return () -> new ByteArrayResource(bytes) {
			@Override
			public String getFilename() {
				return filename;
			}
		};
	}

	private static byte[] read(UploadSource source, long offset, long length, String operation) {
		try (InputStream in = source.open(offset, length)) {
			byte[] bytes = in.readNBytes(Math.toIntExact(length));
			if (bytes.length != length) {
				throw new UploadcareException(operation, 0, null, "the content of '" + source.filename()
						+ "' ended after " + (offset + bytes.length) + " of " + source.size() + " bytes", null);
			}
			return bytes;
		}
		catch (IOException ex) {
			throw new UploadcareException(operation, 0, null,
					"could not read '" + source.filename() + "': " + ex.getMessage(), ex);
		}
	}

	// ---- from URL ------------------------------------------------------------------------

	@Override
	public UploadedFile uploadFromUrl(URI url, UploadOptions options) {
		Objects.requireNonNull(url, "url must not be null");
		Objects.requireNonNull(options, "options must not be null");
		String scheme = (url.getScheme() != null) ? url.getScheme().toLowerCase(Locale.ROOT) : "";
		if (!url.isAbsolute() || !(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null) {
			throw new IllegalArgumentException("Expected an absolute http(s) URL to upload from, got '" + url + "'");
		}
		InFlight call = begin();
		try {
			return fromUrl(url, options);
		}
		finally {
			end(call);
		}
	}

	private UploadedFile fromUrl(URI url, UploadOptions options) {
		String store = storeValue(options);
		UploadcareRequest request = UploadcareRequest
			.to(FROM_URL, UploadcareApi.UPLOAD, HttpMethod.POST, FROM_URL_SCOPE)
			.headers((headers) -> this.signer.authorize(FROM_URL_SCOPE).addTo(headers))
			.body(MediaType.MULTIPART_FORM_DATA, () -> fromUrlForm(url, store, options.getMetadata()))
			.build();
		JsonNode json = this.transport.exchangeForJson(request);
		String token = JsonFields.text(json, "token");
		if (token == null) {
			if (uuidOf(json) != null) {
				return fileFromInfo(FROM_URL, json, url); // a duplicate Uploadcare already had
			}
			throw new UploadcareServerException(FROM_URL, 200, null, "the answer has neither a token nor a file", null);
		}
		return awaitFromUrl(url, token, options.getProgressListener());
	}

	private MultiValueMap<String, Object> fromUrlForm(URI url, String store, Map<String, String> metadata) {
		MultiValueMap<String, Object> form = new SignedForm();
		form.add("pub_key", this.publicKey);
		form.add("source_url", url.toString());
		form.add("store", store);
		metadata.forEach((key, value) -> form.add("metadata[" + key + "]", value));
		this.signer.authorize(FROM_URL_SCOPE).addTo(form);
		return form;
	}

	private UploadedFile awaitFromUrl(URI url, String token, UploadProgressListener listener) {
		long deadline = System.nanoTime() + this.settings.fromUrlTimeout().toNanos();
		long delay = Math.max(1, this.settings.pollInitialDelay().toMillis());
		long maxDelay = Math.max(delay, this.settings.pollMaxDelay().toMillis());
		while (true) {
			long remaining = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
			if (remaining <= 0) {
				throw new UploadcareFromUrlException(FROM_URL, UploadcareFromUrlException.Reason.TIMEOUT, token, null,
						"Uploadcare had not fetched " + url + " within " + this.settings.fromUrlTimeout()
								+ " (token " + token + "); it may still finish",
						null);
			}
			try {
				Thread.sleep(Math.min(delay, remaining));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new UploadcareFromUrlException(FROM_URL, UploadcareFromUrlException.Reason.INTERRUPTED, token,
						null, "interrupted while waiting for Uploadcare to fetch " + url, ex);
			}
			UploadcareRequest poll = UploadcareRequest
				.to(FROM_URL_STATUS, UploadcareApi.UPLOAD, HttpMethod.GET, "/from_url/status/")
				.query("token", token)
				.build();
			JsonNode status;
			try {
				status = this.transport.exchangeForJson(poll);
			}
			catch (UploadcareException ex) {
				if (Thread.currentThread().isInterrupted()) {
					throw new UploadcareFromUrlException(FROM_URL, UploadcareFromUrlException.Reason.INTERRUPTED, token,
							null, "interrupted while waiting for Uploadcare to fetch " + url, ex);
				}
				throw ex;
			}
			String state = String.valueOf(JsonFields.text(status, "status"));
			switch (state) {
				case "success":
					return fileFromInfo(FROM_URL_STATUS, status, url);
				case "error":
					String message = JsonFields.text(status, "error");
					throw new UploadcareFromUrlException(FROM_URL, UploadcareFromUrlException.Reason.ERROR, token,
							JsonFields.text(status, "error_code"),
							"Uploadcare could not fetch " + url + ": " + ((message != null) ? message : "(no message)"),
							null);
				case "unknown":
					throw new UploadcareFromUrlException(FROM_URL, UploadcareFromUrlException.Reason.UNKNOWN, token,
							null, "Uploadcare does not know the upload token " + token + " (for " + url + ")", null);
				case "progress":
					long done = status.path("done").asLong(0);
					long total = status.path("total").asLong(0);
					if (total > 0) {
						notifySafely(() -> {
							listener.onBatchProgress(done, total);
						});
					}
					break;
				default:
					break; // waiting, or a state this client does not know yet: keep polling
			}
			delay = Math.min(delay * 2, maxDelay);
		}
	}

	private static UploadedFile fileFromInfo(String operation, JsonNode json, URI url) {
		String uuid = uuidOf(json);
		if (uuid == null || !FileRef.isUuid(uuid)) {
			throw new UploadcareServerException(operation, 200, null, "the answer has no file UUID", null);
		}
		String filename = JsonFields.text(json, "original_filename");
		if (filename == null) {
			filename = JsonFields.text(json, "filename");
		}
		if (filename == null) {
			String path = (url.getPath() != null) ? url.getPath() : "";
			filename = path.substring(path.lastIndexOf('/') + 1);
		}
		String mimeType = JsonFields.text(json, "mime_type");
		return new UploadedFile(uuid, filename.isEmpty() ? "file" : filename, json.path("size").asLong(0),
				(mimeType != null) ? mimeType : UploadSource.DEFAULT_CONTENT_TYPE);
	}

	private static @Nullable String uuidOf(JsonNode json) {
		String uuid = JsonFields.text(json, "uuid");
		return (uuid != null) ? uuid : JsonFields.text(json, "file_id");
	}

	// ---- helpers -------------------------------------------------------------------------

	private String storeValue(UploadOptions options) {
		StoreMode store = (options.getStore() != null) ? options.getStore() : this.settings.store();
		return store.wireValue();
	}

	private static String requiredUuid(String operation, JsonNode json, String field) {
		String uuid = JsonFields.text(json, field);
		if (uuid == null || !FileRef.isUuid(uuid)) {
			throw new UploadcareServerException(operation, 200, null,
					"the answer has no file UUID in '" + field + "'", null);
		}
		return uuid;
	}


	private static void notifySafely(Runnable call) {
		try {
			call.run();
		}
		catch (RuntimeException ex) {
			logger.debug("An upload progress listener failed; ignored", ex);
		}
	}

	/**
	 * Shuts the service down gracefully: new uploads are refused with an
	 * {@link IllegalStateException} at once; uploads in flight get the
	 * {@linkplain #getShutdownTimeout() shutdown timeout} to finish. Those still running then
	 * are cancelled (their upload threads interrupted, their callers fail with an
	 * {@link UploadcareException}) and the UUIDs of files they had already uploaded (which
	 * belong to no group yet) are logged at WARN. Returns once the upload threads have ended, or
	 * after a few more seconds if a thread ignores its interruption.
	 */
	@Override
	public void close() {
		this.closed = true;
		boolean interrupted = false;
		long deadline = System.nanoTime() + this.shutdownTimeout.toNanos();
		synchronized (this.inFlightMonitor) {
			while (!this.inFlight.isEmpty()) {
				long remaining = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
				if (remaining <= 0) {
					break;
				}
				try {
					this.inFlightMonitor.wait(Math.min(remaining, 100));
				}
				catch (InterruptedException ex) {
					interrupted = true;
					break;
				}
			}
		}
		this.filePool.shutdown();
		this.partPool.shutdown();
		List<InFlight> unfinished = new ArrayList<>(this.inFlight);
		if (!unfinished.isEmpty()) {
			this.cancelling = true;
			List<String> uploaded = new ArrayList<>();
			List<String> incomplete = new ArrayList<>();
			unfinished.forEach((call) -> {
				uploaded.addAll(call.uploaded);
				incomplete.addAll(call.multipartStarted);
			});
			logger.warn("Uploads still running " + (interrupted ? "when the shutdown was interrupted"
					: "after the shutdown timeout of " + this.shutdownTimeout)
					+ " are cancelled (" + unfinished.size() + " call(s)); files already uploaded, in no group: "
					+ uploaded + "; unfinished multipart uploads: " + incomplete);
		}
		if (!unfinished.isEmpty() || interrupted) {
			cancel(this.filePool.shutdownNow());
			cancel(this.partPool.shutdownNow());
		}
		try {
			long wait = TimeUnit.SECONDS.toNanos(10);
			long end = System.nanoTime() + wait;
			if (!this.filePool.awaitTermination(wait, TimeUnit.NANOSECONDS)
					| !this.partPool.awaitTermination(Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS)) {
				cancel(this.filePool.shutdownNow());
				cancel(this.partPool.shutdownNow());
				logger.warn("Some Uploadcare upload threads did not end within 10s of the shutdown");
			}
		}
		catch (InterruptedException ex) {
			cancel(this.filePool.shutdownNow());
			cancel(this.partPool.shutdownNow());
			interrupted = true;
		}
		if (interrupted) {
			Thread.currentThread().interrupt();
		}
	}

	/** Cancels tasks that never ran, so that whoever waits for them stops waiting. */
	private static void cancel(List<Runnable> neverRun) {
		for (Runnable task : neverRun) {
			if (task instanceof Future<?> future) {
				future.cancel(false);
			}
		}
	}

	@Override
	public String toString() {
		return "DefaultUploadService[publicKey=" + this.publicKey + ", " + this.settings + "]";
	}

	/** One public call in flight, and the files it has uploaded so far. */
	private static final class InFlight {

		final List<String> uploaded = new CopyOnWriteArrayList<>();

		final Set<String> multipartStarted = ConcurrentHashMap.newKeySet();

	}

	/** The progress of a whole submission. */
	private static final class BatchProgress {

		private final UploadProgressListener listener;

		private final long total;

		private final AtomicLong done = new AtomicLong();

		BatchProgress(UploadProgressListener listener, long total) {
			this.listener = listener;
			this.total = total;
		}

	}

	/** The progress of one file of a submission. */
	private static final class FileProgress {

		private final int index;

		private final UploadSource source;

		private final BatchProgress batch;

		private final AtomicLong done = new AtomicLong();

		FileProgress(int index, UploadSource source, BatchProgress batch) {
			this.index = index;
			this.source = source;
			this.batch = batch;
		}

		void advance(long bytes) {
			if (this.batch.listener == UploadProgressListener.NONE) {
				return;
			}
			long fileDone = this.done.addAndGet(bytes);
			long batchDone = this.batch.done.addAndGet(bytes);
			notifySafely(() -> this.batch.listener.onFileProgress(this.index, this.source, fileDone, this.source.size()));
			notifySafely(() -> this.batch.listener.onBatchProgress(batchDone, this.batch.total));
		}

	}

	/** A byte range of a source, opened afresh for every attempt. */
	private static final class SourceRangeResource extends AbstractResource {

		private final UploadSource source;

		private final long offset;

		private final long length;

		SourceRangeResource(UploadSource source, long offset, long length) {
			this.source = source;
			this.offset = offset;
			this.length = length;
		}

		@Override
		public InputStream getInputStream() throws IOException {
			return this.source.open(this.offset, this.length);
		}

		@Override
		public boolean exists() {
			return true;
		}

		@Override
		public long contentLength() {
			return this.length;
		}

		@Override
		public String getFilename() {
			return this.source.filename();
		}

		@Override
		public String getDescription() {
			return "bytes " + this.offset + "+" + this.length + " of " + this.source.filename();
		}

	}

	/**
	 * Settings of the upload service.
	 *
	 * @param multipartThreshold files of at least this many bytes use a multipart upload
	 * (10 MiB to 100 MiB)
	 * @param partSize bytes per part (at least 5 MiB)
	 * @param partConcurrency parts of one file uploaded at the same time
	 * @param maxConcurrentFiles files of one batch uploaded at the same time
	 * @param store the store mode used when an upload does not choose one
	 * @param fromUrlTimeout how long to wait for Uploadcare to fetch a URL
	 * @param pollInitialDelay the first wait before polling an upload from a URL; doubles each
	 * time
	 * @param pollMaxDelay the longest wait between two polls
	 */
	public record Settings(long multipartThreshold, long partSize, int partConcurrency, int maxConcurrentFiles,
			StoreMode store, Duration fromUrlTimeout, Duration pollInitialDelay, Duration pollMaxDelay) {

		/** The smallest part size Uploadcare accepts, 5 MiB. */
		public static final long MIN_PART_SIZE = 5L * 1024 * 1024;

		/** The smallest file Uploadcare accepts in a multipart upload, 10 MiB. */
		public static final long MIN_MULTIPART_SIZE = 10L * 1024 * 1024;

		/** The largest file Uploadcare accepts in a direct upload, 100 MiB. */
		public static final long MAX_DIRECT_SIZE = 100L * 1024 * 1024;

		/**
		 * Creates settings, checking them.
		 * @param multipartThreshold the multipart threshold
		 * @param partSize the part size
		 * @param partConcurrency the part concurrency
		 * @param maxConcurrentFiles the file concurrency
		 * @param store the default store mode
		 * @param fromUrlTimeout the from-URL timeout
		 * @param pollInitialDelay the first poll delay
		 * @param pollMaxDelay the longest poll delay
		 */
		public Settings {
			if (multipartThreshold < MIN_MULTIPART_SIZE || multipartThreshold > MAX_DIRECT_SIZE) {
				throw new IllegalArgumentException("The multipart threshold must be between " + MIN_MULTIPART_SIZE
						+ " and " + MAX_DIRECT_SIZE + " bytes (Uploadcare refuses smaller multipart and larger direct "
						+ "uploads); got " + multipartThreshold);
			}
			if (partSize < MIN_PART_SIZE) {
				throw new IllegalArgumentException("The part size must be at least " + MIN_PART_SIZE
						+ " bytes (5 MiB, Uploadcare's minimum); got " + partSize);
			}
			if (partConcurrency < 1 || maxConcurrentFiles < 1) {
				throw new IllegalArgumentException("Upload concurrency must be at least 1; got part concurrency "
						+ partConcurrency + " and max concurrent files " + maxConcurrentFiles);
			}
			Objects.requireNonNull(store, "store must not be null");
			if (fromUrlTimeout == null || fromUrlTimeout.isNegative() || fromUrlTimeout.isZero()) {
				throw new IllegalArgumentException("The from-URL timeout must be positive; got " + fromUrlTimeout);
			}
			Objects.requireNonNull(pollInitialDelay, "pollInitialDelay must not be null");
			Objects.requireNonNull(pollMaxDelay, "pollMaxDelay must not be null");
		}

		/**
		 * The defaults: 10 MiB threshold, 5 MiB parts, 4 parts and 4 files at a time,
		 * {@link StoreMode#AUTO}, 60 s from-URL timeout, polls after 250 ms doubling to 2 s.
		 * @return the default settings
		 */
		public static Settings defaults() {
			return new Settings(MIN_MULTIPART_SIZE, MIN_PART_SIZE, 4, 10, StoreMode.AUTO, Duration.ofSeconds(60),
					Duration.ofMillis(250), Duration.ofSeconds(2));
		}

	}

}
