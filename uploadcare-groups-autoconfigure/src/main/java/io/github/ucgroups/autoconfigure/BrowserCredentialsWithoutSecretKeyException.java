package io.github.ucgroups.autoconfigure;

/**
 * Thrown at startup when browser upload credentials are needed (the endpoint is switched on, or
 * the issuer bean is requested) but no secret key is configured to sign them with; turned into
 * advice by {@link UploadcareFailureAnalyzer}.
 */
public class BrowserCredentialsWithoutSecretKeyException extends IllegalStateException {

	private static final long serialVersionUID = 1L;

	/** Creates the exception. */
	public BrowserCredentialsWithoutSecretKeyException() {
		super("uploadcare.browser-uploads.credentials.enabled is true but no Uploadcare secret key "
				+ "(uploadcare.secret-key) is configured to sign browser uploads with");
	}

}
