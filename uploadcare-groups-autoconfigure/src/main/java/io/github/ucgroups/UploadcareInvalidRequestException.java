package io.github.ucgroups;

import org.jspecify.annotations.Nullable;

/**
 * Uploadcare rejected the request as malformed or over a limit (HTTP 400, 413 and other 4xx),
 * for example {@code Some files not found.}
 */
public class UploadcareInvalidRequestException extends UploadcareException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates the exception.
	 * @param operation the operation that failed
	 * @param status the HTTP status, or 0 when there was no response
	 * @param errorCode Uploadcare's error code, if any
	 * @param detail Uploadcare's message
	 * @param cause the cause, if any
	 */
	public UploadcareInvalidRequestException(String operation, int status, @Nullable String errorCode, String detail, @Nullable Throwable cause) {
		super(operation, status, errorCode, detail, cause);
	}

}
