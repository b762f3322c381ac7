package io.github.ucgroups.emulator;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import io.github.ucgroups.GroupId;
import io.github.ucgroups.emulator.faults.Faults;
import io.github.ucgroups.emulator.http.EmulatorHttpServer;
import io.github.ucgroups.emulator.http.ServerSettings;
import io.github.ucgroups.emulator.journal.Journal;
import io.github.ucgroups.emulator.store.EmulatorStore;
import io.github.ucgroups.emulator.store.StoredFile;
import io.github.ucgroups.emulator.store.StoredGroup;
import io.github.ucgroups.emulator.webhooks.EmulatorWebhooks;

/**
 * An in-process emulator of Uploadcare for tests and offline development: the Upload API
 * (direct, multipart and from-URL uploads, file info, group creation and info), the REST API
 * v0.7 groups subset (list, get, delete groups; store and delete files; project) with real
 * request-signature checks, and a CDN subset serving the stored bytes.
 * <p>
 * Each API sits at the root of its own loopback port, as on the real hosts (Uploadcare's own
 * clients replace the path of a base URL they are given):
 * <ul>
 * <li>{@link #uploadUrl()}: {@code http://127.0.0.1:PORT}, the Upload API (and the presigned
 * multipart part URLs, {@code /s3-part/…})</li>
 * <li>{@link #restUrl()}: {@code http://127.0.0.1:REST_PORT}, the REST API v0.7</li>
 * <li>{@link #cdnUrl()}: {@code http://127.0.0.1:CDN_PORT}, the CDN</li>
 * </ul>
 * Fault rules and journal entries name REST requests {@code /rest/…} and CDN requests
 * {@code /cdn/…} (for example {@code faults().throttle("/rest/groups/", 1)}), Upload API requests
 * by their path.
 * Start one with {@link #start()} or {@link #builder()}, close it to stop the server and
 * delete temporary files:
 * <pre>{@code
 * try (UploadcareEmulator uc = UploadcareEmulator.builder().signedUploadsRequired(true).start()) {
 *     String uuid = uc.addFile("hello".getBytes(), "hello.txt", "text/plain");
 *     uc.faults().throttle("/group/", 1);
 *     ...
 * }
 * }</pre>
 * Safe for concurrent clients.
 */
public final class UploadcareEmulator implements AutoCloseable {

	/** The default public key, as in Uploadcare's demo project. */
	public static final String DEFAULT_PUBLIC_KEY = "demopublickey";

	/** The default secret key, as in Uploadcare's demo project. */
	public static final String DEFAULT_SECRET_KEY = "demosecretkey";

	/** The default largest file size kept in memory: 16 MiB. */
	public static final long DEFAULT_MAX_IN_MEMORY_FILE_SIZE = 16L * 1024 * 1024;

	private final ServerSettings settings;

	private final EmulatorStore store;

	private final Faults faults = new Faults();

	private final Journal journal = new Journal();

	private final EmulatorHttpServer server;

	private UploadcareEmulator(Builder builder) throws IOException {
		this.settings = new ServerSettings(builder.host, builder.port, builder.restPortOrDefault(),
				builder.cdnPortOrDefault(), builder.publicKey, builder.secretKey,
				builder.signedUploadsRequired, builder.jsonErrorsWithHttpStatus, builder.threads,
				builder.fromUrlHostAllowed, builder.clock);
		this.store = new EmulatorStore(builder.maxInMemoryFileSize, builder.clock);
		this.server = new EmulatorHttpServer(this.settings, this.store, this.faults, this.journal);
	}

	/**
	 * Starts an emulator with the defaults: free loopback port, {@value #DEFAULT_PUBLIC_KEY} /
	 * {@value #DEFAULT_SECRET_KEY}, unsigned uploads allowed.
	 * @return the running emulator
	 */
	public static UploadcareEmulator start() {
		return builder().start();
	}

	/**
	 * Returns a builder for an emulator with non-default settings.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Returns the Upload API base URL.
	 * @return e.g. {@code http://127.0.0.1:PORT}
	 */
	public URI uploadUrl() {
		return URI.create(this.server.uploadUrl());
	}

	/**
	 * Returns the REST API base URL (the API at its root, on its own port).
	 * @return e.g. {@code http://127.0.0.1:REST_PORT}
	 */
	public URI restUrl() {
		return URI.create(this.server.restUrl());
	}

	/**
	 * Returns the CDN base URL (the CDN at its root, on its own port).
	 * @return e.g. {@code http://127.0.0.1:CDN_PORT}
	 */
	public URI cdnUrl() {
		return URI.create(this.server.cdnUrl());
	}

	/**
	 * Returns the port the Upload API listens on.
	 * @return the port
	 */
	public int port() {
		return this.server.port();
	}

	/**
	 * Returns the port the REST API listens on.
	 * @return the port
	 */
	public int restPort() {
		return this.server.restPort();
	}

	/**
	 * Returns the port the CDN listens on.
	 * @return the port
	 */
	public int cdnPort() {
		return this.server.cdnPort();
	}

	/**
	 * Returns the project's public key.
	 * @return the public key
	 */
	public String publicKey() {
		return this.settings.publicKey();
	}

	/**
	 * Returns the project's secret key.
	 * @return the secret key
	 */
	public String secretKey() {
		return this.settings.secretKey();
	}

	/**
	 * Tells whether signable Upload API requests must be signed.
	 * @return the setting
	 */
	public boolean signedUploadsRequired() {
		return this.settings.signedUploadsRequired();
	}

	/**
	 * Returns the fault-injection rules to script.
	 * @return the faults
	 */
	public Faults faults() {
		return this.faults;
	}

	/**
	 * Returns the journal of received requests.
	 * @return the journal
	 */
	public Journal journal() {
		return this.journal;
	}

	/**
	 * Returns the webhook subscriptions (REST {@code /webhooks/}) and the signed deliveries sent to
	 * them when files are uploaded, stored or deleted, with test hooks for wrongly signed and
	 * repeated deliveries.
	 * @return the webhooks
	 */
	public EmulatorWebhooks webhooks() {
		return this.server.webhooks();
	}

	/**
	 * Adds a stored file directly, as if uploaded.
	 * @param content the bytes
	 * @param filename the original file name
	 * @param mimeType the MIME type
	 * @return the new file's UUID
	 */
	public String addFile(byte[] content, String filename, String mimeType) {
		return addFile(content, filename, mimeType, Map.of());
	}

	/**
	 * Adds a stored file with metadata directly, as if uploaded.
	 * @param content the bytes
	 * @param filename the original file name
	 * @param mimeType the MIME type
	 * @param metadata the file's metadata
	 * @return the new file's UUID
	 */
	public String addFile(byte[] content, String filename, String mimeType, Map<String, String> metadata) {
		Objects.requireNonNull(content, "content must not be null");
		try {
			return this.store
				.addFile(this.store.readContent(new ByteArrayInputStream(content)), filename, mimeType, true, metadata)
				.uuid();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Returns every file, oldest first.
	 * @return a snapshot of the files
	 */
	public List<StoredFile> files() {
		return this.store.files();
	}

	/**
	 * Looks a file up.
	 * @param uuid the file UUID
	 * @return the file, if present
	 */
	public Optional<StoredFile> file(String uuid) {
		return this.store.file(uuid);
	}

	/**
	 * Returns every group, oldest first.
	 * @return a snapshot of the groups
	 */
	public List<StoredGroup> groups() {
		return this.store.groups();
	}

	/**
	 * Looks a group up.
	 * @param id the group id
	 * @return the group, if present
	 */
	public Optional<StoredGroup> group(GroupId id) {
		return this.store.group(id.toString());
	}

	/**
	 * Looks a group up.
	 * @param id the group id in wire form, {@code <uuid>~<N>}
	 * @return the group, if present
	 */
	public Optional<StoredGroup> group(String id) {
		return this.store.group(id);
	}

	/**
	 * Returns the underlying store, e.g. to remove a file as if deleted through the REST API.
	 * @return the store
	 */
	public EmulatorStore store() {
		return this.store;
	}

	/** Removes all fault rules and clears the journal; files and groups stay. */
	public void resetFaultsAndJournal() {
		this.faults.reset();
		this.journal.clear();
	}

	/** Removes every file, group, multipart upload, from-URL token, fault rule, journal entry, webhook subscription and delivery. */
	public void reset() {
		resetFaultsAndJournal();
		this.server.reset();
		this.store.clear();
	}

	/** Stops the server and its threads and deletes temporary files. */
	@Override
	public void close() {
		try {
			this.server.close();
		}
		finally {
			this.store.close();
		}
	}

	@Override
	public String toString() {
		return "UploadcareEmulator[upload=" + this.server.uploadUrl() + ", rest=" + this.server.restUrl() + ", cdn="
				+ this.server.cdnUrl() + ", publicKey=" + publicKey() + "]";
	}

	/**
	 * Builds an {@link UploadcareEmulator}.
	 */
	public static final class Builder {

		private static final Set<String> LOOPBACK_NAMES = Set.of("localhost", "127.0.0.1", "::1",
				"0:0:0:0:0:0:0:1");

		private String host = "127.0.0.1";

		private int port;

		private int restPort = -1;

		private int cdnPort = -1;

		private String publicKey = DEFAULT_PUBLIC_KEY;

		private String secretKey = DEFAULT_SECRET_KEY;

		private boolean signedUploadsRequired;

		private boolean jsonErrorsWithHttpStatus;

		private int threads = 32;

		private long maxInMemoryFileSize = DEFAULT_MAX_IN_MEMORY_FILE_SIZE;

		private Predicate<String> fromUrlHostAllowed = Builder::isLoopback;

		private Clock clock = Clock.systemUTC();

		private Builder() {
		}

		/**
		 * Sets the Upload API's port; 0 (the default) picks a free one. Unless set on their own,
		 * the REST API and the CDN then listen on the next two ports ({@code port + 1},
		 * {@code port + 2}), or on free ports when this is 0.
		 * @param port the port
		 * @return this builder
		 */
		public Builder port(int port) {
			this.port = checkedPort(port, "port");
			return this;
		}

		/**
		 * Sets the REST API's port; 0 picks a free one.
		 * @param port the port
		 * @return this builder
		 */
		public Builder restPort(int port) {
			this.restPort = checkedPort(port, "restPort");
			return this;
		}

		/**
		 * Sets the CDN's port; 0 picks a free one.
		 * @param port the port
		 * @return this builder
		 */
		public Builder cdnPort(int port) {
			this.cdnPort = checkedPort(port, "cdnPort");
			return this;
		}

		private static int checkedPort(int port, String name) {
			if (port < 0 || port > 65535) {
				throw new IllegalArgumentException(name + " must be 0 to 65535, was " + port);
			}
			return port;
		}

		int restPortOrDefault() {
			return (this.restPort >= 0) ? this.restPort : nextPort(1);
		}

		int cdnPortOrDefault() {
			return (this.cdnPort >= 0) ? this.cdnPort : nextPort(2);
		}

		private int nextPort(int offset) {
			if (this.port == 0) {
				return 0;
			}
			int next = this.port + offset;
			if (next > 65535) {
				throw new IllegalArgumentException("port " + this.port + " leaves no room for the REST API and CDN on "
						+ "the next two ports: set restPort and cdnPort");
			}
			return next;
		}

		/**
		 * Sets the loopback address to bind, {@code 127.0.0.1} by default.
		 * @param host the address
		 * @return this builder
		 */
		public Builder host(String host) {
			this.host = Objects.requireNonNull(host, "host must not be null");
			return this;
		}

		/**
		 * Sets the project's public key, {@value UploadcareEmulator#DEFAULT_PUBLIC_KEY} by default.
		 * @param publicKey the public key
		 * @return this builder
		 */
		public Builder publicKey(String publicKey) {
			this.publicKey = requireText(publicKey, "publicKey");
			return this;
		}

		/**
		 * Sets the project's secret key, {@value UploadcareEmulator#DEFAULT_SECRET_KEY} by default.
		 * @param secretKey the secret key
		 * @return this builder
		 */
		public Builder secretKey(String secretKey) {
			this.secretKey = requireText(secretKey, "secretKey");
			return this;
		}

		/**
		 * Requires signed uploads: {@code /base/}, {@code /multipart/start/},
		 * {@code /from_url/} and {@code /group/} then refuse requests without a valid signature
		 * or token. As on the real service, signatures and tokens are checked only in this mode;
		 * without it, whatever is sent is ignored.
		 * @param required whether signatures are required
		 * @return this builder
		 */
		public Builder signedUploadsRequired(boolean required) {
			this.signedUploadsRequired = required;
			return this;
		}

		/**
		 * Makes {@code jsonerrors=1} error envelopes carry their real HTTP status instead of 200
		 * (the real service's behaviour is documented both ways).
		 * @param withHttpStatus whether to use the real status
		 * @return this builder
		 */
		public Builder jsonErrorsWithHttpStatus(boolean withHttpStatus) {
			this.jsonErrorsWithHttpStatus = withHttpStatus;
			return this;
		}

		/**
		 * Sets the number of request-handling threads, 32 by default.
		 * @param threads the thread count
		 * @return this builder
		 */
		public Builder threads(int threads) {
			if (threads < 1) {
				throw new IllegalArgumentException("threads must be positive, was " + threads);
			}
			this.threads = threads;
			return this;
		}

		/**
		 * Sets the largest file kept in memory; larger files go to a temporary directory.
		 * @param bytes the cap in bytes, 16 MiB by default
		 * @return this builder
		 */
		public Builder maxInMemoryFileSize(long bytes) {
			if (bytes < 0) {
				throw new IllegalArgumentException("maxInMemoryFileSize must not be negative, was " + bytes);
			}
			this.maxInMemoryFileSize = bytes;
			return this;
		}

		/**
		 * Sets which hosts {@code /from_url/} may fetch from (lower-case host names or
		 * addresses); only loopback hosts by default.
		 * @param allowed the host filter
		 * @return this builder
		 */
		public Builder fromUrlHostAllowed(Predicate<String> allowed) {
			this.fromUrlHostAllowed = Objects.requireNonNull(allowed, "allowed must not be null");
			return this;
		}

		/**
		 * Sets the clock for timestamps, signature and token expiry and the REST {@code Date}
		 * window.
		 * @param clock the clock
		 * @return this builder
		 */
		public Builder clock(Clock clock) {
			this.clock = Objects.requireNonNull(clock, "clock must not be null");
			return this;
		}

		/**
		 * Starts the emulator.
		 * @return the running emulator
		 * @throws UncheckedIOException if the port cannot be bound
		 */
		public UploadcareEmulator start() {
			try {
				return new UploadcareEmulator(this);
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot start the Uploadcare emulator on " + this.host + " (ports "
						+ this.port + ", " + restPortOrDefault() + ", " + cdnPortOrDefault() + ")", ex);
			}
		}

		private static boolean isLoopback(String host) {
			if (LOOPBACK_NAMES.contains(host.toLowerCase(Locale.ROOT))) {
				return true;
			}
			if (!host.matches("[0-9.]+")) {
				return false;
			}
			try {
				return InetAddress.getByName(host).isLoopbackAddress();
			}
			catch (IOException ex) {
				return false;
			}
		}

		private static String requireText(String value, String name) {
			if (value == null || value.isBlank()) {
				throw new IllegalArgumentException(name + " must not be blank");
			}
			return value;
		}

	}

}
