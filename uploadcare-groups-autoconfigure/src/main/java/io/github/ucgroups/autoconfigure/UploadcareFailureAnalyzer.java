package io.github.ucgroups.autoconfigure;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains Uploadcare configuration mistakes found at startup, and what to set.
 */
class UploadcareFailureAnalyzer extends AbstractFailureAnalyzer<IllegalStateException> {

	@Override
	protected @Nullable FailureAnalysis analyze(Throwable rootFailure, IllegalStateException cause) {
		if (cause instanceof MissingPublicKeyException) {
			return new FailureAnalysis("""
					The Uploadcare groups starter needs the public key of your Uploadcare project, \
					and uploadcare.public-key is not set.""", """
					Set uploadcare.public-key (for example via the UPLOADCARE_PUBLIC_KEY environment variable), \
					or define an UploadcareConnectionDetails bean. For tests and offline work, use the \
					uploadcare-groups-emulator module (@AutoConfigureUploadcareEmulator). To switch the starter \
					off, set uploadcare.enabled=false.""", cause);
		}
		if (cause instanceof SigningWithoutSecretKeyException) {
			return new FailureAnalysis("""
					Signed uploads are switched on (uploadcare.signed-uploads.enabled=true), but no secret key \
					is configured to sign them with.""", """
					Set uploadcare.secret-key (for example via the UPLOADCARE_SECRET_KEY environment variable), \
					or remove uploadcare.signed-uploads.enabled.""", cause);
		}
		if (cause instanceof BrowserCredentialsWithoutSecretKeyException) {
			return new FailureAnalysis("""
					The upload-credentials endpoint for browsers is switched on \
					(uploadcare.browser-uploads.credentials.enabled=true), but no secret key is configured to \
					sign browser uploads with.""", """
					Set uploadcare.secret-key (for example via the UPLOADCARE_SECRET_KEY environment variable), \
					or set uploadcare.browser-uploads.credentials.enabled=false.""", cause);
		}
		return null;
	}

}
