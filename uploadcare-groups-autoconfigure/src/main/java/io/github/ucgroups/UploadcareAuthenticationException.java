package io.github.ucgroups;

import org.jspecify.annotations.Nullable;

/**
 * Uploadcare refused the credentials: a missing or invalid public key, a missing, invalid or
 * expired signature or token, or a project that reached its limits (HTTP 401 or 403).
 */
public class UploadcareAuthenticationException extends UploadcareException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates the exception.
	 * @param operation the operation that failed
	 * @param status the HTTP status, or 0 when there was no response
	 * @param errorCode Uploadcare's error code, if any
	 * @param detail Uploadcare's message
	 * @param cause the cause, if any
	 */
	public UploadcareAuthenticationException(String operation, int status, @Nullable String errorCode, String detail, @Nullable Throwable cause) {
		super(operation, status, errorCode, detail, cause);
	}

}
