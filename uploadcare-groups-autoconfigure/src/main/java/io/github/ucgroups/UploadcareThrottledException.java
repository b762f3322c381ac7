package io.github.ucgroups;

import java.time.Duration;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * Uploadcare throttled the request (HTTP 429) and it was still throttled after the configured
 * retries. {@link #getRetryAfter()} says when Uploadcare expects capacity again.
 */
public class UploadcareThrottledException extends UploadcareException {

	private static final long serialVersionUID = 1L;

	private final @Nullable Duration retryAfter;

	/**
	 * Creates the exception.
	 * @param operation the operation that failed
	 * @param status the HTTP status (429)
	 * @param errorCode Uploadcare's error code, if any
	 * @param detail Uploadcare's message
	 * @param retryAfter the wait Uploadcare asked for in {@code Retry-After}, if any
	 * @param cause the cause, if any
	 */
	public UploadcareThrottledException(String operation, int status, @Nullable String errorCode, String detail,
			@Nullable Duration retryAfter, @Nullable Throwable cause) {
		super(operation, status, errorCode, detail, cause);
		this.retryAfter = retryAfter;
	}

	/** Returns the wait Uploadcare asked for in its {@code Retry-After} header, if it sent one. */
	public Optional<Duration> getRetryAfter() {
		return Optional.ofNullable(this.retryAfter);
	}

	@Override
	public boolean isTransient() {
		return true;
	}

}
