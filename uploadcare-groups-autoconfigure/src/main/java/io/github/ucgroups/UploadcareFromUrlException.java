package io.github.ucgroups;

import org.jspecify.annotations.Nullable;

/**
 * An upload from a URL did not end with a file: Uploadcare reported {@code error} or
 * {@code failed} (its message
 * and code are in {@link #getDetail()} and {@link #getErrorCode()}) or {@code unknown} (it does
 * not know the token), or waiting for it timed out or was interrupted.
 */
public class UploadcareFromUrlException extends UploadcareException {

	private static final long serialVersionUID = 1L;

	/** How the upload from a URL ended. */
	public enum Reason {

		/**
		 * Uploadcare reported status {@code error} or {@code failed}, e.g. the URL could not be
		 * fetched; both are final.
		 */
		ERROR,

		/** Uploadcare reported status {@code unknown}: it does not know the token. */
		UNKNOWN,

		/** Uploadcare had not finished within {@code uploadcare.upload.from-url-timeout}. */
		TIMEOUT,

		/** The waiting thread was interrupted (its interrupt flag is set again). */
		INTERRUPTED

	}

	private final Reason reason;

	private final @Nullable String token;

	/**
	 * Creates the exception.
	 * @param operation the operation, e.g. {@code file.from-url}
	 * @param reason how it ended
	 * @param token the upload token, if one was issued
	 * @param errorCode Uploadcare's error code, if any
	 * @param detail Uploadcare's message or a description
	 * @param cause the cause, if any
	 */
	public UploadcareFromUrlException(String operation, Reason reason, @Nullable String token,
			@Nullable String errorCode, String detail, @Nullable Throwable cause) {
		super(operation, 0, errorCode, detail, cause);
		this.reason = reason;
		this.token = token;
	}

	/** Returns how the upload ended. */
	public Reason getReason() {
		return this.reason;
	}

	/** Returns the upload token, if one was issued. */
	public @Nullable String getToken() {
		return this.token;
	}

	/** Tells whether waiting timed out (Uploadcare may still finish later). */
	public boolean isTimeout() {
		return this.reason == Reason.TIMEOUT;
	}

}
