package io.github.ucgroups;

import org.jspecify.annotations.Nullable;

/**
 * The group or file does not exist, or belongs to another project (HTTP 404).
 */
public class UploadcareNotFoundException extends UploadcareException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates the exception.
	 * @param operation the operation that failed
	 * @param status the HTTP status, or 0 when there was no response
	 * @param errorCode Uploadcare's error code, if any
	 * @param detail Uploadcare's message
	 * @param cause the cause, if any
	 */
	public UploadcareNotFoundException(String operation, int status, @Nullable String errorCode, String detail, @Nullable Throwable cause) {
		super(operation, status, errorCode, detail, cause);
	}

}
