package io.github.ucgroups;

import org.jspecify.annotations.Nullable;

/**
 * No answer came from Uploadcare: the connection failed, was dropped, or timed out.
 */
public class UploadcareNetworkException extends UploadcareException {

	private static final long serialVersionUID = 1L;

	private final boolean timeout;

	/**
	 * Creates the exception.
	 * @param operation the operation that failed
	 * @param detail what went wrong
	 * @param timeout whether a connect or read timeout expired
	 * @param cause the I/O failure
	 */
	public UploadcareNetworkException(String operation, String detail, boolean timeout, @Nullable Throwable cause) {
		super(operation, 0, null, detail, cause);
		this.timeout = timeout;
	}

	/** Tells whether a connect or read timeout expired. */
	public boolean isTimeout() {
		return this.timeout;
	}

	@Override
	public boolean isTransient() {
		return true;
	}

}
