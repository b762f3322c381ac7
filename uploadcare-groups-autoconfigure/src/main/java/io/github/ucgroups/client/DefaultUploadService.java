package io.github.ucgroups.client;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;

import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

import io.github.ucgroups.UploadOptions;
import io.github.ucgroups.UploadService;
import io.github.ucgroups.UploadSource;
import io.github.ucgroups.UploadcareBatchUploadException;
import io.github.ucgroups.UploadcareException;
import io.github.ucgroups.UploadedFile;
import io.github.ucgroups.http.UploadcareTransport;
import io.github.ucgroups.signing.UploadSigner;
import io.github.ucgroups.observation.UploadcareOperations;

/**
 * {@link UploadService} over the Upload API: {@code POST /base/} below the multipart
 * threshold; {@code POST /multipart/start/}, parallel {@code PUT}s of the parts to their
 * presigned URLs, and {@code POST /multipart/complete/} from it on; {@code POST /from_url/}
 * and polling of {@code GET /from_url/status/}. Every request goes through the
 * {@link UploadcareTransport} (so each one, each part included, is observed and retried on its
 * own) and every signable request is signed per attempt.
 * <p>
 * This class checks the calls and dispatches them; package-private collaborators do one job
 * each: {@link DirectUploader}, {@link MultipartUploader} (with {@link PartUploader}),
 * {@link FromUrlUploader}, the signed form ({@link UploadForm}), per-attempt content
 * ({@link SourceContent}), progress ({@link UploadProgress}) and the threads
 * ({@link UploadExecutors}).
 * <p>
 * The service owns two bounded thread pools (files of a batch, parts of multipart uploads) with
 * named threads that end when idle (non-daemon platform threads, or virtual threads: see
 * {@link UploadThreads}); {@link #close()} shuts them down. The caller's
 * current observation is carried into those threads, so the requests made there (each part, for
 * instance) appear in the caller's trace.
 * <p>
 * {@link #close()} is graceful: new uploads are refused at once, uploads in flight get the
 * {@linkplain #DefaultUploadService(UploadcareTransport, UploadSigner, String, UploadSettings, ObservationRegistry, Duration)
 * shutdown timeout} to finish; those still running then are cancelled (their callers get an
 * {@link UploadcareException}) and the UUIDs of files they had already uploaded are logged at
 * WARN, so that nothing uploaded is forgotten.
 */
public class DefaultUploadService implements UploadService, AutoCloseable {

	static final String BATCH = UploadcareOperations.FILE_UPLOAD_BATCH;

	/** The default {@linkplain #getShutdownTimeout() shutdown timeout}, 30 seconds. */
	public static final Duration DEFAULT_SHUTDOWN_TIMEOUT = Duration.ofSeconds(30);

	private final String publicKey;

	private final UploadSettings settings;

	private final UploadExecutors executors;

	private final DirectUploader direct;

	private final MultipartUploader multipart;

	private final FromUrlUploader fromUrl;

	/**
	 * Creates the service, without observations of its own.
	 * @param transport the Upload API transport
	 * @param signer signs uploads
	 * @param publicKey the project's public key
	 * @param settings thresholds, part size, concurrency and timeouts
	 */
	public DefaultUploadService(UploadcareTransport transport, UploadSigner signer, String publicKey,
			UploadSettings settings) {
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
			UploadSettings settings, ObservationRegistry observationRegistry) {
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
			UploadSettings settings, ObservationRegistry observationRegistry, Duration shutdownTimeout) {
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
			UploadSettings settings, ObservationRegistry observationRegistry, Duration shutdownTimeout,
			UploadThreads threads) {
		UploadSettings.checkShutdownTimeout(shutdownTimeout);
		Objects.requireNonNull(observationRegistry, "observationRegistry must not be null");
		Objects.requireNonNull(transport, "transport must not be null");
		UploadForm form = new UploadForm(publicKey, signer);
		this.publicKey = publicKey;
		this.settings = Objects.requireNonNull(settings, "settings must not be null");
		this.executors = new UploadExecutors(settings, observationRegistry, shutdownTimeout, threads);
		this.direct = new DirectUploader(transport, form, settings);
		this.multipart = new MultipartUploader(transport, form, settings, this.executors);
		this.fromUrl = new FromUrlUploader(transport, form, settings);
	}

	/** Returns the settings. */
	public UploadSettings getSettings() {
		return this.settings;
	}

	/**
	 * Returns how long {@link #close()} lets uploads in flight finish before cancelling them.
	 * @return the shutdown timeout
	 */
	public Duration getShutdownTimeout() {
		return this.executors.shutdownTimeout();
	}

	@Override
	public UploadedFile upload(UploadSource source, UploadOptions options) {
		checkSource(source, "source");
		Objects.requireNonNull(options, "options must not be null");
		UploadExecutors.InFlight call = this.executors.begin();
		try {
			return uploadOne(0, source, options, new UploadProgress(options.progressListener(), source.size()),
					call);
		}
		finally {
			this.executors.end(call);
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
		UploadProgress progress = new UploadProgress(options.progressListener(), total);
		UploadExecutors.InFlight call = this.executors.begin();
		try {
			return uploadAll(snapshot, options, progress, call);
		}
		finally {
			this.executors.end(call);
		}
	}

	private List<UploadedFile> uploadAll(List<UploadSource> snapshot, UploadOptions options, UploadProgress progress,
			UploadExecutors.InFlight call) {
		List<Future<UploadedFile>> futures = new ArrayList<>(snapshot.size());
		try {
			for (int i = 0; i < snapshot.size(); i++) {
				int index = i;
				futures.add(this.executors.submitFile(() -> {
					UploadedFile file = uploadOne(index, snapshot.get(index), options, progress, call);
					call.uploaded.add(file.uuid());
					return file;
				}));
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
						new CancellationException(this.executors.isCancelling()
								? "cancelled: the upload service was shut down"
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

	private static void checkSource(@Nullable UploadSource source, String name) {
		if (source == null) {
			throw new IllegalArgumentException(name + " is null");
		}
		if (source.size() < 0) {
			throw new IllegalArgumentException(
					name + " (" + source.filename() + ") has an unknown size; Uploadcare needs it in advance");
		}
	}

	private UploadedFile uploadOne(int index, UploadSource source, UploadOptions options, UploadProgress batch,
			UploadExecutors.InFlight call) {
		UploadProgress.File progress = batch.file(index, source);
		if (source.size() >= this.settings.multipartThreshold()) {
			return this.multipart.upload(source, options, progress, call);
		}
		return this.direct.upload(source, options, progress);
	}

	@Override
	public UploadedFile uploadFromUrl(URI url, UploadOptions options) {
		Objects.requireNonNull(url, "url must not be null");
		Objects.requireNonNull(options, "options must not be null");
		String scheme = (url.getScheme() != null) ? url.getScheme().toLowerCase(Locale.ROOT) : "";
		if (!url.isAbsolute() || !(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null) {
			throw new IllegalArgumentException("Expected an absolute http(s) URL to upload from, got '" + url + "'");
		}
		UploadExecutors.InFlight call = this.executors.begin();
		try {
			return this.fromUrl.upload(url, options);
		}
		finally {
			this.executors.end(call);
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
		this.executors.close();
	}

	@Override
	public String toString() {
		return "DefaultUploadService[publicKey=" + this.publicKey + ", " + this.settings + "]";
	}

}
