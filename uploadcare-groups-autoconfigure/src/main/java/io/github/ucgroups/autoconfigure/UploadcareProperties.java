package io.github.ucgroups.autoconfigure;

import java.net.URI;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

import io.github.ucgroups.StoreMode;
import io.github.ucgroups.OrphanPolicy;
import io.github.ucgroups.client.UploadSettings;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Configuration of the Uploadcare groups starter, under {@code uploadcare.*}.
 */
@ConfigurationProperties("uploadcare")
public class UploadcareProperties {

	/** Default Upload API base URL. */
	public static final URI DEFAULT_UPLOAD_URL = URI.create("https://upload.uploadcare.com");

	/** Default REST API base URL. */
	public static final URI DEFAULT_REST_URL = URI.create("https://api.uploadcare.com");

	/**
	 * The global CDN of Uploadcare projects created before 2025-09-04. Not the default: set
	 * {@code uploadcare.cdn-url} to it for such a project if its files should keep these URLs.
	 */
	public static final URI LEGACY_CDN_URL = URI.create("https://ucarecdn.com");

	/**
	 * Whether to auto-configure the Uploadcare services at all.
	 */
	private boolean enabled = true;

	/**
	 * Public key of the Uploadcare project (Dashboard, API keys). Required unless an
	 * UploadcareConnectionDetails bean supplies it.
	 */
	private @Nullable String publicKey;

	/**
	 * Secret key of the Uploadcare project. Enables signed uploads and the REST API. Never logged
	 * or shown.
	 */
	private @Nullable String secretKey;

	/**
	 * Base URL of the Upload API.
	 */
	private URI uploadUrl = DEFAULT_UPLOAD_URL;

	/**
	 * Base URL of the REST API.
	 */
	private URI restUrl = DEFAULT_REST_URL;

	/**
	 * Base URL of the CDN, used for every file and group URL the starter hands out (also for
	 * Group.cdnUrl(), whatever host Uploadcare's answer names). When unset: the project's own
	 * CDN host https://<prefix>.ucarecd.net, the prefix derived from the public key, because
	 * since 2025-09-04 new Uploadcare projects are delivered only there (Uploadcare's answers
	 * still name ucarecdn.com). Set it for a custom CNAME, a proxy, or https://ucarecdn.com for
	 * a project created before that date.
	 */
	private @Nullable URI cdnUrl;

	/**
	 * Time allowed to open a connection to Uploadcare.
	 */
	private Duration connectTimeout = Duration.ofSeconds(5);

	/**
	 * Time allowed to wait for Uploadcare's answer to one request.
	 */
	private Duration readTimeout = Duration.ofSeconds(30);

	/**
	 * The HTTP client of the starter's own requests.
	 */
	private final Http http = new Http();

	/**
	 * Signed uploads.
	 */
	private final SignedUploads signedUploads = new SignedUploads();

	/**
	 * Retries of throttled, failed and timed-out requests.
	 */
	private final Retry retry = new Retry();

	/**
	 * The "uploadcare" health indicator.
	 */
	private final Health health = new Health();

	/**
	 * Uploads of files (direct, multipart and from URLs).
	 */
	private final Upload upload = new Upload();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public @Nullable String getPublicKey() {
		return this.publicKey;
	}

	public void setPublicKey(@Nullable String publicKey) {
		this.publicKey = publicKey;
	}

	public @Nullable String getSecretKey() {
		return this.secretKey;
	}

	public void setSecretKey(@Nullable String secretKey) {
		this.secretKey = secretKey;
	}

	public URI getUploadUrl() {
		return this.uploadUrl;
	}

	public void setUploadUrl(URI uploadUrl) {
		this.uploadUrl = uploadUrl;
	}

	public URI getRestUrl() {
		return this.restUrl;
	}

	public void setRestUrl(URI restUrl) {
		this.restUrl = restUrl;
	}

	public @Nullable URI getCdnUrl() {
		return this.cdnUrl;
	}

	public void setCdnUrl(@Nullable URI cdnUrl) {
		this.cdnUrl = cdnUrl;
	}

	public Duration getConnectTimeout() {
		return this.connectTimeout;
	}

	public void setConnectTimeout(Duration connectTimeout) {
		this.connectTimeout = connectTimeout;
	}

	public Duration getReadTimeout() {
		return this.readTimeout;
	}

	public void setReadTimeout(Duration readTimeout) {
		this.readTimeout = readTimeout;
	}

	public Http getHttp() {
		return this.http;
	}

	public SignedUploads getSignedUploads() {
		return this.signedUploads;
	}

	public Retry getRetry() {
		return this.retry;
	}

	public Health getHealth() {
		return this.health;
	}

	public Upload getUpload() {
		return this.upload;
	}

	@Override
	public String toString() {
		return "UploadcareProperties[publicKey=" + this.publicKey + ", secretKey="
				+ ((this.secretKey != null) ? "******" : "none") + ", uploadUrl=" + this.uploadUrl + ", restUrl="
				+ this.restUrl + ", cdnUrl=" + ((this.cdnUrl != null) ? this.cdnUrl : "(project CDN host)") + "]";
	}

	/** The schemes of signed uploads. */
	public enum SignatureScheme {

		/** Form fields {@code signature} and {@code expire} (HMAC-SHA256); Uploadcare's long-standing scheme. */
		SIGNATURE,

		/** An {@code Authorization: Bearer} JWT (HS256) per endpoint scope; Uploadcare's newer scheme. */
		JWT

	}

	/**
	 * The HTTP engines the starter's own clients can use (through Spring Boot's
	 * {@code ClientHttpRequestFactoryBuilder}). The choice applies to Uploadcare's requests only:
	 * the application's other {@code RestClient}s keep Boot's choice.
	 */
	public enum HttpClientFactory {

		/**
		 * The fastest engine on the class path, in the order measured for Uploadcare's calls:
		 * Apache HttpClient 5, Jetty, Reactor Netty, then the JDK's {@code HttpClient}. The
		 * starter adds none of these libraries.
		 */
		AUTO,

		/**
		 * The engine Spring Boot chose for the application ({@code spring.http.clients.imperative.factory},
		 * else Boot's detection order).
		 */
		BOOT,

		/** The JDK's {@code java.net.http.HttpClient}. */
		JDK,

		/**
		 * The JDK's {@code HttpURLConnection} (Spring's {@code SimpleClientHttpRequestFactory}):
		 * blocking, no library needed.
		 */
		SIMPLE,

		/** Apache HttpClient 5 (needs {@code org.apache.httpcomponents.client5:httpclient5}). */
		HTTP_COMPONENTS,

		/** Jetty's client (needs {@code org.eclipse.jetty:jetty-client}). */
		JETTY,

		/** Reactor Netty (needs {@code io.projectreactor.netty:reactor-netty-http}). */
		REACTOR

	}

	/** The HTTP client of the starter's own requests. */
	public static class Http {

		/**
		 * HTTP engine of the Upload API, REST API and health requests. "auto" uses the fastest
		 * one on the class path: Apache HttpClient 5 (recommended: add
		 * org.apache.httpcomponents.client5:httpclient5), else Jetty, else Reactor Netty, else the
		 * JDK's HttpClient. "boot" follows the application's spring.http.clients.imperative.factory.
		 * Other RestClients of the application are never affected.
		 */
		private HttpClientFactory clientFactory = HttpClientFactory.AUTO;

		/**
		 * Most connections kept open to each Uploadcare host, for engines with a connection pool
		 * (Apache HttpClient 5, Jetty). Calls beyond it wait for a free connection. The JDK's
		 * HttpClient has no such limit.
		 */
		private int maxConnectionsPerHost = 64;

		public int getMaxConnectionsPerHost() {
			return this.maxConnectionsPerHost;
		}

		public void setMaxConnectionsPerHost(int maxConnectionsPerHost) {
			if (maxConnectionsPerHost < 1) {
				throw new IllegalArgumentException(
						"uploadcare.http.max-connections-per-host must be at least 1, was " + maxConnectionsPerHost);
			}
			this.maxConnectionsPerHost = maxConnectionsPerHost;
		}

		public HttpClientFactory getClientFactory() {
			return this.clientFactory;
		}

		public void setClientFactory(HttpClientFactory clientFactory) {
			this.clientFactory = clientFactory;
		}

	}

	/** Signed uploads. */
	public static class SignedUploads {

		/**
		 * Whether to sign Upload API requests. When unset, requests are signed whenever a secret
		 * key is configured. Setting it to true without a secret key fails at startup.
		 */
		private @Nullable Boolean enabled;

		/**
		 * Which signing scheme to use.
		 */
		private SignatureScheme scheme = SignatureScheme.SIGNATURE;

		/**
		 * How long each signature or token stays valid. Signatures are renewed when half of it
		 * has passed, tokens when a quarter remains. At most 24 hours for JWT.
		 */
		private Duration lifetime = Duration.ofMinutes(30);

		public @Nullable Boolean getEnabled() {
			return this.enabled;
		}

		public void setEnabled(@Nullable Boolean enabled) {
			this.enabled = enabled;
		}

		public SignatureScheme getScheme() {
			return this.scheme;
		}

		public void setScheme(SignatureScheme scheme) {
			this.scheme = scheme;
		}

		public Duration getLifetime() {
			return this.lifetime;
		}

		public void setLifetime(Duration lifetime) {
			this.lifetime = lifetime;
		}

	}

	/** Retries. */
	public static class Retry {

		/**
		 * Total attempts per request, the first one included; 1 disables retries.
		 */
		private int maxAttempts = 3;

		/**
		 * Back-off before the first retry of a server or network error; it doubles on every
		 * further retry (with jitter).
		 */
		private Duration initialDelay = Duration.ofMillis(500);

		/**
		 * Longest back-off between two attempts.
		 */
		private Duration maxDelay = Duration.ofSeconds(5);

		/**
		 * Longest Retry-After that a throttled request waits for before retrying; when Uploadcare
		 * asks for more, the call fails at once with UploadcareThrottledException.
		 */
		private Duration maxRetryAfter = Duration.ofSeconds(15);

		public int getMaxAttempts() {
			return this.maxAttempts;
		}

		public void setMaxAttempts(int maxAttempts) {
			this.maxAttempts = maxAttempts;
		}

		public Duration getInitialDelay() {
			return this.initialDelay;
		}

		public void setInitialDelay(Duration initialDelay) {
			this.initialDelay = initialDelay;
		}

		public Duration getMaxDelay() {
			return this.maxDelay;
		}

		public void setMaxDelay(Duration maxDelay) {
			this.maxDelay = maxDelay;
		}

		public Duration getMaxRetryAfter() {
			return this.maxRetryAfter;
		}

		public void setMaxRetryAfter(Duration maxRetryAfter) {
			this.maxRetryAfter = maxRetryAfter;
		}

	}

	/** Health indicator. */
	public static class Health {

		/**
		 * How long a health result is reused before Uploadcare is probed again.
		 */
		private Duration cacheTtl = Duration.ofSeconds(30);

		/**
		 * Connect and read timeout of the health probe.
		 */
		private Duration timeout = Duration.ofSeconds(3);

		public Duration getCacheTtl() {
			return this.cacheTtl;
		}

		public void setCacheTtl(Duration cacheTtl) {
			this.cacheTtl = cacheTtl;
		}

		public Duration getTimeout() {
			return this.timeout;
		}

		public void setTimeout(Duration timeout) {
			this.timeout = timeout;
		}

	}


	/** Uploads. */
	public static class Upload {

		// The limits and their checks live in UploadSettings; the setters use them so that a bad
		// value fails while it is bound, naming the property.

		/**
		 * Files of at least this size are uploaded in parts (multipart upload), smaller ones in
		 * one request. Between 10MB and 100MB (Uploadcare refuses smaller multipart and larger
		 * direct uploads).
		 */
		private DataSize multipartThreshold = DataSize.ofBytes(UploadSettings.MIN_MULTIPART_SIZE);

		/**
		 * Size of each part of a multipart upload (the last one may be smaller). At least 5MB,
		 * Uploadcare's minimum. Parts are read from the source by offset, never whole files.
		 */
		private DataSize partSize = DataSize.ofBytes(UploadSettings.MIN_PART_SIZE);

		/**
		 * Parts of one file uploaded at the same time. For a one-shot InputStream source, at most
		 * this many parts are buffered in memory.
		 */
		private int partConcurrency = 4;

		/**
		 * Files uploaded at the same time by the whole application (uploadGroup,
		 * uploadAll; one pool shared by all submissions in progress, further files wait). The
		 * part threads number max-concurrent-files times part-concurrency.
		 */
		private int maxConcurrentFiles = 10;

		/**
		 * Whether Uploadcare stores uploaded files for good: auto follows the project's setting;
		 * false lets Uploadcare remove them after about 24 hours. UploadOptions may choose
		 * otherwise per upload.
		 */
		private StoreMode store = StoreMode.AUTO;

		/**
		 * Longest wait for Uploadcare to fetch a file from a URL (uploadFromUrl) before giving up
		 * with UploadcareFromUrlException.
		 */
		private Duration fromUrlTimeout = Duration.ofSeconds(60);

		/**
		 * What happens to uploaded files when their group is not created (another upload or the
		 * group creation failed): keep them, or delete them through the REST API (needs the REST
		 * client and uploadcare.secret-key; without them the files are kept and a warning is
		 * logged).
		 */
		private OrphanPolicy orphans = OrphanPolicy.KEEP;

		/**
		 * How long closing the application context lets uploads in flight finish. New uploads
		 * are refused at once; uploads still running after this time are cancelled (their
		 * callers get an UploadcareException) and the UUIDs of files they had already uploaded
		 * are logged at WARN. Zero cancels at once.
		 */
		private Duration shutdownTimeout = Duration.ofSeconds(30);

		public DataSize getMultipartThreshold() {
			return this.multipartThreshold;
		}

		public void setMultipartThreshold(DataSize multipartThreshold) {
			UploadSettings.checkMultipartThreshold(multipartThreshold.toBytes());
			this.multipartThreshold = multipartThreshold;
		}

		public DataSize getPartSize() {
			return this.partSize;
		}

		public void setPartSize(DataSize partSize) {
			UploadSettings.checkPartSize(partSize.toBytes());
			this.partSize = partSize;
		}

		public int getPartConcurrency() {
			return this.partConcurrency;
		}

		public void setPartConcurrency(int partConcurrency) {
			UploadSettings.checkConcurrency("part concurrency", partConcurrency);
			this.partConcurrency = partConcurrency;
		}

		public int getMaxConcurrentFiles() {
			return this.maxConcurrentFiles;
		}

		public void setMaxConcurrentFiles(int maxConcurrentFiles) {
			UploadSettings.checkConcurrency("max concurrent files", maxConcurrentFiles);
			this.maxConcurrentFiles = maxConcurrentFiles;
		}

		public StoreMode getStore() {
			return this.store;
		}

		public void setStore(StoreMode store) {
			this.store = store;
		}

		public Duration getFromUrlTimeout() {
			return this.fromUrlTimeout;
		}

		public void setFromUrlTimeout(Duration fromUrlTimeout) {
			UploadSettings.checkFromUrlTimeout(fromUrlTimeout);
			this.fromUrlTimeout = fromUrlTimeout;
		}

		public OrphanPolicy getOrphans() {
			return this.orphans;
		}

		public void setOrphans(OrphanPolicy orphans) {
			this.orphans = orphans;
		}

		public Duration getShutdownTimeout() {
			return this.shutdownTimeout;
		}

		public void setShutdownTimeout(Duration shutdownTimeout) {
			UploadSettings.checkShutdownTimeout(shutdownTimeout);
			this.shutdownTimeout = shutdownTimeout;
		}

	}

}
