package io.github.ucgroups.signing;

/**
 * Gives the credentials that prove an Upload API request was allowed by the project's owner.
 * Implementations are thread-safe and cache what they compute, renewing it before it expires.
 */
@FunctionalInterface
public interface UploadSigner {

	/** A signer for projects that do not require signed uploads: it adds nothing. */
	UploadSigner NONE = scope -> UploadAuthorization.NONE;

	/**
	 * Returns the credentials for one request.
	 * @param scope the Upload API endpoint the request goes to, such as {@code /group/} or
	 * {@code /base/} (the JWT scheme restricts its tokens to it)
	 * @return the form fields and/or bearer token to send, never {@code null}
	 */
	UploadAuthorization authorize(String scope);

}
