package io.github.ucgroups.autoconfigure;

/**
 * Thrown at startup when signed uploads are switched on but no secret key is configured;
 * turned into advice by {@link UploadcareFailureAnalyzer}.
 */
public class SigningWithoutSecretKeyException extends IllegalStateException {

	private static final long serialVersionUID = 1L;

	/** Creates the exception. */
	public SigningWithoutSecretKeyException() {
		super("uploadcare.signed-uploads.enabled is true but no Uploadcare secret key is configured");
	}

}
