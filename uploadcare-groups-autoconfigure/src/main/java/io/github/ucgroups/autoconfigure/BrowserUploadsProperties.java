package io.github.ucgroups.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Browser uploads with Uploadcare's File Uploader, under {@code uploadcare.browser-uploads.*}:
 * the upload-credentials endpoint (off by default) and the CDN hosts whose URLs the File
 * Uploader may post.
 */
@ConfigurationProperties("uploadcare.browser-uploads")
public class BrowserUploadsProperties {

	/** Default path of the upload-credentials endpoint. */
	public static final String DEFAULT_PATH = "/uploadcare/upload-credentials";

	/**
	 * Custom CDN domains (CNAMEs) whose URLs forms may post, besides ucarecdn.com, the project's
	 * own <prefix>.ucarecd.net and the host of uploadcare.cdn-url: host names (served over
	 * https), or base URLs such as http://localhost:8081 to allow another scheme or port.
	 */
	private List<String> cdnHosts = new ArrayList<>();

	/**
	 * The endpoint that hands the browser short-lived upload credentials.
	 */
	private final Credentials credentials = new Credentials();

	public List<String> getCdnHosts() {
		return this.cdnHosts;
	}

	public void setCdnHosts(List<String> cdnHosts) {
		this.cdnHosts = cdnHosts;
	}

	public Credentials getCredentials() {
		return this.credentials;
	}

	/** The upload-credentials endpoint. */
	public static class Credentials {

		/**
		 * Whether to serve the upload-credentials endpoint. Whoever can call it can upload into
		 * the project: protect it (e.g. with Spring Security) before switching it on. Needs
		 * uploadcare.secret-key.
		 */
		private boolean enabled;

		/**
		 * Path of the upload-credentials endpoint (answers GET and POST).
		 */
		private String path = DEFAULT_PATH;

		/**
		 * How long issued credentials stay valid, from the moment they are issued. The File
		 * Uploader asks for new ones when less than 10 minutes remain, so keep it well above
		 * that. At most 24 hours for JWT.
		 */
		private Duration lifetime = Duration.ofMinutes(30);

		/**
		 * Which credentials to issue: signature answers {"secureSignature", "secureExpire"} (what
		 * the File Uploader's secureUploadsSignatureResolver expects), jwt answers {"token"} for
		 * uploaders that send Authorization: Bearer.
		 */
		private UploadcareProperties.SignatureScheme scheme = UploadcareProperties.SignatureScheme.SIGNATURE;

		/**
		 * JWT credentials (scheme jwt).
		 */
		private final Jwt jwt = new Jwt();

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public String getPath() {
			return this.path;
		}

		public void setPath(String path) {
			this.path = path;
		}

		public Duration getLifetime() {
			return this.lifetime;
		}

		public void setLifetime(Duration lifetime) {
			this.lifetime = lifetime;
		}

		public UploadcareProperties.SignatureScheme getScheme() {
			return this.scheme;
		}

		public void setScheme(UploadcareProperties.SignatureScheme scheme) {
			this.scheme = scheme;
		}

		public Jwt getJwt() {
			return this.jwt;
		}

	}

	/** Restrictions of issued JWTs. */
	public static class Jwt {

		/**
		 * Upload API endpoints an issued token may be used for (uc.restrictions.scope); an item
		 * ending in /* matches a path prefix.
		 */
		private List<String> scope = new ArrayList<>(List.of("/base/", "/multipart/*", "/group/"));

		/**
		 * Most upload operations one issued token allows (uc.restrictions.limits.operations,
		 * 1 to 100000; group creation does not count). Unset for no limit.
		 */
		private @Nullable Integer operationsLimit;

		public List<String> getScope() {
			return this.scope;
		}

		public void setScope(List<String> scope) {
			this.scope = scope;
		}

		public @Nullable Integer getOperationsLimit() {
			return this.operationsLimit;
		}

		public void setOperationsLimit(@Nullable Integer operationsLimit) {
			this.operationsLimit = operationsLimit;
		}

	}

}
