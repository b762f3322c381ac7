package io.github.ucgroups.http;

import java.time.Duration;

/**
 * How failed requests are retried.
 *
 * @param maxAttempts the total number of attempts, the first one included (1 disables retries)
 * @param initialDelay the back-off before the first retry of a server or network error
 * @param maxDelay the longest back-off between two attempts
 * @param multiplier the growth of the back-off from one retry to the next
 * @param maxRetryAfter the longest {@code Retry-After} that is waited for; a longer one ends
 * the operation at once with {@link io.github.ucgroups.UploadcareThrottledException}
 */
public record RetrySettings(int maxAttempts, Duration initialDelay, Duration maxDelay, double multiplier,
		Duration maxRetryAfter) {

	/** No retries at all. */
	public static final RetrySettings NONE = new RetrySettings(1, Duration.ofMillis(1), Duration.ofMillis(1), 1.0,
			Duration.ZERO);

	/**
	 * Checks the settings.
	 * @param maxAttempts total attempts
	 * @param initialDelay first back-off
	 * @param maxDelay longest back-off
	 * @param multiplier back-off growth
	 * @param maxRetryAfter longest Retry-After honoured
	 */
	public RetrySettings {
		if (maxAttempts < 1) {
			throw new IllegalArgumentException("retry max-attempts must be at least 1, was " + maxAttempts);
		}
		if (initialDelay.isNegative() || initialDelay.isZero()) {
			throw new IllegalArgumentException("retry initial-delay must be positive, was " + initialDelay);
		}
		if (maxDelay.compareTo(initialDelay) < 0) {
			throw new IllegalArgumentException(
					"retry max-delay (" + maxDelay + ") must not be below initial-delay (" + initialDelay + ")");
		}
		if (multiplier < 1.0) {
			throw new IllegalArgumentException("retry multiplier must be at least 1.0, was " + multiplier);
		}
		if (maxRetryAfter.isNegative()) {
			throw new IllegalArgumentException("retry max-retry-after must not be negative, was " + maxRetryAfter);
		}
	}

}
