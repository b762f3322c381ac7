package io.github.ucgroups.sample;

import org.springframework.http.HttpStatus;

/** A submission that breaks the form's rules (no file, too many files, a file too large). */
public class SubmissionRejectedException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final HttpStatus status;

	/**
	 * Creates the exception.
	 * @param status the HTTP status for the JSON API
	 * @param message what is wrong, for the user
	 */
	public SubmissionRejectedException(HttpStatus status, String message) {
		super(message);
		this.status = status;
	}

	/** Returns the HTTP status for the JSON API. */
	public HttpStatus getStatus() {
		return this.status;
	}

}
