package io.github.ucgroups.observation;

import io.github.ucgroups.UploadcareException;

/**
 * Told of every retry of an Uploadcare operation, so that retries and throttling can be
 * counted.
 */
@FunctionalInterface
public interface RetryObserver {

	/** Counts nothing. */
	RetryObserver NONE = (operation, cause) -> {
	};

	/**
	 * Called before an operation is retried.
	 * @param operation the operation, e.g. {@code group.create}
	 * @param cause the failure that caused the retry
	 */
	void onRetry(String operation, UploadcareException cause);

}
