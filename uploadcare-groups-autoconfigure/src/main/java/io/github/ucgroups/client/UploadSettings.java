package io.github.ucgroups.client;

import java.time.Duration;
import java.util.Objects;

import io.github.ucgroups.StoreMode;
import io.github.ucgroups.UploadOptions;

/**
 * Settings of {@link DefaultUploadService}, and the one place that knows Uploadcare's upload
 * limits and checks values against them (the {@code uploadcare.upload.*} properties use the same
 * checks, so a bad value fails when it is bound, with the same message).
 *
 * @param multipartThreshold files of at least this many bytes use a multipart upload
 * (10 MiB to 100 MiB)
 * @param partSize bytes per part (at least 5 MiB)
 * @param partConcurrency parts of one file uploaded at the same time
 * @param maxConcurrentFiles files of one batch uploaded at the same time
 * @param store the store mode used when an upload does not choose one
 * @param fromUrlTimeout how long to wait for Uploadcare to fetch a URL
 * @param pollInitialDelay the first wait before polling an upload from a URL; doubles each time
 * @param pollMaxDelay the longest wait between two polls
 */
public record UploadSettings(long multipartThreshold, long partSize, int partConcurrency, int maxConcurrentFiles,
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
	 * @throws IllegalArgumentException naming the first value outside Uploadcare's limits
	 */
	public UploadSettings {
		checkMultipartThreshold(multipartThreshold);
		checkPartSize(partSize);
		checkConcurrency("part concurrency", partConcurrency);
		checkConcurrency("max concurrent files", maxConcurrentFiles);
		Objects.requireNonNull(store, "store must not be null");
		checkFromUrlTimeout(fromUrlTimeout);
		Objects.requireNonNull(pollInitialDelay, "pollInitialDelay must not be null");
		Objects.requireNonNull(pollMaxDelay, "pollMaxDelay must not be null");
	}

	/**
	 * The defaults: 10 MiB threshold, 5 MiB parts, 4 parts and 10 files at a time,
	 * {@link StoreMode#AUTO}, 60 s from-URL timeout, polls after 250 ms doubling to 2 s.
	 * @return the default settings
	 */
	public static UploadSettings defaults() {
		return new UploadSettings(MIN_MULTIPART_SIZE, MIN_PART_SIZE, 4, 10, StoreMode.AUTO, Duration.ofSeconds(60),
				Duration.ofMillis(250), Duration.ofSeconds(2));
	}

	/**
	 * Returns the store mode of an upload: its own, else this default.
	 * @param options the upload's options
	 * @return the store mode
	 */
	public StoreMode storeFor(UploadOptions options) {
		return (options.store() != null) ? options.store() : this.store;
	}

	/**
	 * Checks a multipart threshold.
	 * @param bytes the threshold
	 * @throws IllegalArgumentException if it is outside 10 MiB to 100 MiB
	 */
	public static void checkMultipartThreshold(long bytes) {
		if (bytes < MIN_MULTIPART_SIZE || bytes > MAX_DIRECT_SIZE) {
			throw new IllegalArgumentException("The multipart threshold must be between 10MB and 100MB ("
					+ MIN_MULTIPART_SIZE + " and " + MAX_DIRECT_SIZE + " bytes): Uploadcare refuses multipart uploads "
					+ "under 10MB and direct uploads over 100MB; got " + bytes + " bytes");
		}
	}

	/**
	 * Checks a part size.
	 * @param bytes the part size
	 * @throws IllegalArgumentException if it is below 5 MiB
	 */
	public static void checkPartSize(long bytes) {
		if (bytes < MIN_PART_SIZE) {
			throw new IllegalArgumentException("The part size must be at least 5MB (" + MIN_PART_SIZE
					+ " bytes), Uploadcare's smallest part; got " + bytes + " bytes");
		}
	}

	/**
	 * Checks a concurrency limit.
	 * @param name what it limits, for the message
	 * @param value the limit
	 * @throws IllegalArgumentException if it is below 1
	 */
	public static void checkConcurrency(String name, int value) {
		if (value < 1) {
			throw new IllegalArgumentException("The " + name + " must be at least 1; got " + value);
		}
	}

	/**
	 * Checks a from-URL timeout.
	 * @param timeout the timeout
	 * @throws IllegalArgumentException if it is missing, zero or negative
	 */
	public static void checkFromUrlTimeout(Duration timeout) {
		if (timeout == null || timeout.isNegative() || timeout.isZero()) {
			throw new IllegalArgumentException("The from-URL timeout must be positive; got " + timeout);
		}
	}

	/**
	 * Checks a shutdown timeout.
	 * @param timeout the timeout
	 * @throws IllegalArgumentException if it is missing or negative
	 */
	public static void checkShutdownTimeout(Duration timeout) {
		Objects.requireNonNull(timeout, "shutdownTimeout must not be null");
		if (timeout.isNegative()) {
			throw new IllegalArgumentException("The shutdown timeout must not be negative; got " + timeout);
		}
	}

}
