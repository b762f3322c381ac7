package io.github.ucgroups.http;

import org.jspecify.annotations.Nullable;

import io.github.ucgroups.UploadcareException;
import io.github.ucgroups.UploadcareThrottledException;

import org.springframework.core.retry.RetryPolicy;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.BackOffExecution;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Retries transient Uploadcare failures; waits {@code Retry-After} after throttling, else
 * backs off exponentially with jitter. One instance serves one operation, so it can remember
 * the failure that the next back-off depends on.
 */
final class OperationRetryPolicy implements RetryPolicy {

	private final RetrySettings settings;

	volatile @Nullable UploadcareException lastFailure;

	OperationRetryPolicy(RetrySettings settings) {
		this.settings = settings;
	}

	@Override
	public boolean shouldRetry(Throwable throwable) {
		if (!(throwable instanceof UploadcareException failure) || !failure.isTransient()) {
			return false;
		}
		if (failure instanceof UploadcareThrottledException throttled && throttled.getRetryAfter().isPresent()
				&& throttled.getRetryAfter().get().compareTo(this.settings.maxRetryAfter()) > 0) {
			return false; // Uploadcare asks for a longer wait than callers should block for
		}
		this.lastFailure = failure;
		return true;
	}

	@Override
	public BackOff getBackOff() {
		ExponentialBackOff exponential = new ExponentialBackOff(this.settings.initialDelay().toMillis(),
				this.settings.multiplier());
		exponential.setMaxInterval(this.settings.maxDelay().toMillis());
		exponential.setJitter(this.settings.initialDelay().toMillis() / 2);
		exponential.setMaxAttempts(this.settings.maxAttempts() - 1);
		return () -> {
			BackOffExecution delegate = exponential.start();
			return () -> {
				long exponentialDelay = delegate.nextBackOff();
				if (exponentialDelay == BackOffExecution.STOP) {
					return BackOffExecution.STOP;
				}
				if (this.lastFailure instanceof UploadcareThrottledException throttled
						&& throttled.getRetryAfter().isPresent()) {
					return throttled.getRetryAfter().get().toMillis();
				}
				return exponentialDelay;
			};
		};
	}

}
