package io.github.ucgroups.emulator.http;

import io.github.ucgroups.emulator.auth.Rejection;

/** An error answer, rendered in the form of the API it happens in. */
final class ApiException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	final int status;

	final String errorCode;

	ApiException(int status, String message, String errorCode) {
		super(message, null, false, false);
		this.status = status;
		this.errorCode = errorCode;
	}

	static ApiException of(Rejection rejection) {
		return new ApiException(rejection.status(), rejection.message(), rejection.errorCode());
	}

	static ApiException badRequest(String message, String errorCode) {
		return new ApiException(400, message, errorCode);
	}

}
