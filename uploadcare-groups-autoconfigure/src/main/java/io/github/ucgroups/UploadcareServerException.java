package io.github.ucgroups;

import org.jspecify.annotations.Nullable;

/**
 * Uploadcare (or a gateway before it) failed with a server error (HTTP 5xx), or answered with a
 * body that could not be understood.
 */
public class UploadcareServerException extends UploadcareException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates the exception.
	 * @param operation the operation that failed
	 * @param status the HTTP status, or 0 when there was no response
	 * @param errorCode Uploadcare's error code, if any
	 * @param detail Uploadcare's message
	 * @param cause the cause, if any
	 */
	public UploadcareServerException(String operation, int status, @Nullable String errorCode, String detail, @Nullable Throwable cause) {
		super(operation, status, errorCode, detail, cause);
	}

	@Override
	public boolean isTransient() {
		return true;
	}

}
