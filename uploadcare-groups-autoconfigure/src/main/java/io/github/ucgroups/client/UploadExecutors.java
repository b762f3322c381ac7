package io.github.ucgroups.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * The upload service's threads and their graceful shutdown: two bounded pools (files of a
 * batch, parts of multipart uploads) whose threads ({@link UploadThreads}) end when idle; the
 * public calls in flight, so that {@link #close()} can wait for them and then cancel them; and
 * the caller's observation carried into the pool threads.
 */
final class UploadExecutors implements AutoCloseable {

	// Logged under the service's name, the category users configure.
	private static final Log logger = LogFactory.getLog(DefaultUploadService.class);

	private final ThreadPoolExecutor filePool;

	private final ThreadPoolExecutor partPool;

	private final ObservationRegistry observationRegistry;

	private final Duration shutdownTimeout;

	/** The public calls in flight ({@code upload}, {@code uploadAll}, {@code uploadFromUrl}). */
	private final Set<InFlight> inFlight = ConcurrentHashMap.newKeySet();

	private final Object inFlightMonitor = new Object();

	private volatile boolean closed;

	/** Set when {@link #close()} gave up waiting and cancels what is still running. */
	private volatile boolean cancelling;

	UploadExecutors(UploadSettings settings, ObservationRegistry observationRegistry, Duration shutdownTimeout,
			UploadThreads threads) {
		UploadSettings.checkShutdownTimeout(shutdownTimeout);
		Objects.requireNonNull(threads, "threads must not be null");
		this.shutdownTimeout = shutdownTimeout;
		this.observationRegistry = observationRegistry;
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

	Duration shutdownTimeout() {
		return this.shutdownTimeout;
	}

	/** Tells whether {@link #close()} is cancelling the uploads still running. */
	boolean isCancelling() {
		return this.cancelling;
	}

	/**
	 * Registers a public call; refuses it once the service is closing.
	 * @return the call, to be {@linkplain #end(InFlight) ended} in a {@code finally} block
	 * @throws IllegalStateException if the service has been closed
	 */
	InFlight begin() {
		InFlight call = new InFlight();
		this.inFlight.add(call); // before the check: close() either sees the call or refuses it
		if (this.closed) {
			end(call);
			throw new IllegalStateException("The upload service has been closed");
		}
		return call;
	}

	void end(InFlight call) {
		this.inFlight.remove(call);
		synchronized (this.inFlightMonitor) {
			this.inFlightMonitor.notifyAll();
		}
	}

	/**
	 * Runs a file's upload in the file pool, within the caller's observation.
	 * @param <T> the result type
	 * @param task the upload
	 * @return its future
	 * @throws java.util.concurrent.RejectedExecutionException once the pool is shut down
	 */
	<T> Future<T> submitFile(Callable<T> task) {
		return this.filePool.submit(inCallersObservation(task));
	}

	/**
	 * Runs a part's upload in the part pool, within the caller's observation.
	 * @param <T> the result type
	 * @param task the upload
	 * @return its future
	 * @throws java.util.concurrent.RejectedExecutionException once the pool is shut down
	 */
	<T> Future<T> submitPart(Callable<T> task) {
		return this.partPool.submit(inCallersObservation(task));
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

	/**
	 * Refuses new calls at once, lets the calls in flight finish within the shutdown timeout,
	 * then cancels the rest and logs at WARN the UUIDs of files they had already uploaded.
	 */
	@Override
	public void close() {
		this.closed = true;
		boolean interrupted = awaitCallsInFlight();
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
			cancelAll();
		}
		try {
			long wait = TimeUnit.SECONDS.toNanos(10);
			long end = System.nanoTime() + wait;
			if (!this.filePool.awaitTermination(wait, TimeUnit.NANOSECONDS)
					| !this.partPool.awaitTermination(Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS)) {
				cancelAll();
				logger.warn("Some Uploadcare upload threads did not end within 10s of the shutdown");
			}
		}
		catch (InterruptedException ex) {
			cancelAll();
			interrupted = true;
		}
		if (interrupted) {
			Thread.currentThread().interrupt();
		}
	}

	/** Waits for the calls in flight, at most the shutdown timeout; returns whether interrupted. */
	private boolean awaitCallsInFlight() {
		long deadline = System.nanoTime() + this.shutdownTimeout.toNanos();
		synchronized (this.inFlightMonitor) {
			while (!this.inFlight.isEmpty()) {
				long remaining = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
				if (remaining <= 0) {
					return false;
				}
				try {
					this.inFlightMonitor.wait(Math.min(remaining, 100));
				}
				catch (InterruptedException ex) {
					return true;
				}
			}
		}
		return false;
	}

	private void cancelAll() {
		cancel(this.filePool.shutdownNow());
		cancel(this.partPool.shutdownNow());
	}

	/** Cancels tasks that never ran, so that whoever waits for them stops waiting. */
	private static void cancel(List<Runnable> neverRun) {
		for (Runnable task : neverRun) {
			if (task instanceof Future<?> future) {
				future.cancel(false);
			}
		}
	}

	/** One public call in flight, and the files it has uploaded so far. */
	static final class InFlight {

		final List<String> uploaded = new CopyOnWriteArrayList<>();

		final Set<String> multipartStarted = ConcurrentHashMap.newKeySet();

	}

}
