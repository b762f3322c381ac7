package io.github.ucgroups;

import org.jspecify.annotations.Nullable;

/**
 * Root of the unchecked exceptions the starter throws when an Uploadcare call fails. Each one
 * names the operation (such as {@code group.create}), the HTTP status (0 when no response
 * arrived), Uploadcare's {@code error_code} when it sent one, and Uploadcare's own message.
 * <p>
 * Messages never contain the secret key, a signature or a token.
 */
public class UploadcareException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final String operation;

	private final int status;

	private final @Nullable String errorCode;

	private final String detail;

	/**
	 * Creates an exception.
	 * @param operation the operation that failed, e.g. {@code group.create}
	 * @param status the HTTP status, or 0 when there was no response
	 * @param errorCode Uploadcare's error code, if any
	 * @param detail Uploadcare's message, or a description of the failure
	 * @param cause the cause, if any
	 */
	public UploadcareException(String operation, int status, @Nullable String errorCode, String detail,
			@Nullable Throwable cause) {
		super(describe(operation, status, errorCode, detail), cause);
		this.operation = operation;
		this.status = status;
		this.errorCode = errorCode;
		this.detail = detail;
	}

	/** Returns the operation that failed, e.g. {@code group.create}. */
	public String getOperation() {
		return this.operation;
	}

	/** Returns the HTTP status of Uploadcare's answer, or 0 when none arrived. */
	public int getStatus() {
		return this.status;
	}

	/** Returns Uploadcare's error code, such as {@code GroupFilesNotFoundError}, if it sent one. */
	public @Nullable String getErrorCode() {
		return this.errorCode;
	}

	/** Returns Uploadcare's own message (or a description of the failure), without decoration. */
	public String getDetail() {
		return this.detail;
	}

	/**
	 * Tells whether trying the same request again later may succeed (throttling, server errors,
	 * network problems).
	 * @return {@code true} for transient failures
	 */
	public boolean isTransient() {
		return false;
	}

	private static String describe(String operation, int status, @Nullable String errorCode, String detail) {
		StringBuilder message = new StringBuilder("Uploadcare ").append(operation).append(" failed");
		if (status > 0 || errorCode != null) {
			message.append(" (");
			if (status > 0) {
				message.append("HTTP ").append(status);
			}
			if (errorCode != null) {
				message.append(status > 0 ? ", " : "").append(errorCode);
			}
			message.append(')');
		}
		return message.append(": ").append(detail).toString();
	}

}
