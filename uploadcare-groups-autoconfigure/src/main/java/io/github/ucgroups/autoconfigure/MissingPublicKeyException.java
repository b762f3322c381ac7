package io.github.ucgroups.autoconfigure;

/**
 * Thrown at startup when no Uploadcare public key is configured; turned into advice by
 * {@link UploadcareFailureAnalyzer}.
 */
public class MissingPublicKeyException extends IllegalStateException {

	private static final long serialVersionUID = 1L;

	/** Creates the exception. */
	public MissingPublicKeyException() {
		super("No Uploadcare public key is configured (uploadcare.public-key is blank or missing)");
	}

}
