package io.github.ucgroups.observation;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import io.github.ucgroups.UploadcareException;
import io.github.ucgroups.UploadcareNetworkException;
import io.github.ucgroups.UploadcareThrottledException;

/**
 * Counts retries in the counter {@value #METER_NAME}, tagged with the operation and the reason
 * ({@code throttled}, {@code server_error} or {@code network_error}).
 */
public class MeterRegistryRetryObserver implements RetryObserver {

	/** The counter name. */
	public static final String METER_NAME = "uploadcare.retries";

	private final MeterRegistry registry;

	/**
	 * Creates the observer.
	 * @param registry where the counter lives
	 */
	public MeterRegistryRetryObserver(MeterRegistry registry) {
		this.registry = registry;
	}

	@Override
	public void onRetry(String operation, UploadcareException cause) {
		Counter.builder(METER_NAME)
			.description("Retries of Uploadcare requests")
			.tag("operation", operation)
			.tag("reason", reason(cause))
			.register(this.registry)
			.increment();
	}

	private static String reason(UploadcareException cause) {
		if (cause instanceof UploadcareThrottledException) {
			return "throttled";
		}
		if (cause instanceof UploadcareNetworkException) {
			return "network_error";
		}
		return "server_error";
	}

}
