package io.github.ucgroups;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Options of an upload: whether to store the files, metadata to attach to each file, and a
 * progress listener. Immutable; every {@code with…} method returns a new instance. Metadata is
 * checked as it is added, so a bad key or value fails before anything is sent.
 */
public final class UploadOptions {

	/** The most metadata keys a file may carry. */
	public static final int MAX_METADATA_KEYS = 50;

	/** The longest metadata value, in characters. */
	public static final int MAX_METADATA_VALUE_LENGTH = 512;

	/** The longest metadata key, in characters. */
	public static final int MAX_METADATA_KEY_LENGTH = 64;

	private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_.:-]+");

	private static final UploadOptions DEFAULTS = new UploadOptions(null, Map.of(), UploadProgressListener.NONE);

	private final @Nullable StoreMode store;

	private final Map<String, String> metadata;

	private final UploadProgressListener progressListener;

	private UploadOptions(@Nullable StoreMode store, Map<String, String> metadata,
			UploadProgressListener progressListener) {
		this.store = store;
		this.metadata = metadata;
		this.progressListener = progressListener;
	}

	/**
	 * The defaults: the configured store mode ({@code uploadcare.upload.store}), no metadata, no
	 * listener.
	 * @return the default options
	 */
	public static UploadOptions defaults() {
		return DEFAULTS;
	}

	/**
	 * Returns options with the given store mode.
	 * @param store the store mode, or {@code null} for the configured one
	 * @return the new options
	 */
	public UploadOptions withStore(@Nullable StoreMode store) {
		return new UploadOptions(store, this.metadata, this.progressListener);
	}

	/**
	 * Returns options with one more metadata entry (sent as {@code metadata[key]}).
	 * @param key 1 to {@value #MAX_METADATA_KEY_LENGTH} characters: letters, digits,
	 * {@code _ - . :}
	 * @param value 1 to {@value #MAX_METADATA_VALUE_LENGTH} characters
	 * @return the new options
	 * @throws IllegalArgumentException if the key or value is malformed, or there would be more
	 * than {@value #MAX_METADATA_KEYS} keys
	 */
	public UploadOptions withMetadata(String key, String value) {
		Map<String, String> copy = new LinkedHashMap<>(this.metadata);
		copy.put(checkKey(key), checkValue(key, value));
		if (copy.size() > MAX_METADATA_KEYS) {
			throw new IllegalArgumentException(
					"At most " + MAX_METADATA_KEYS + " metadata keys are allowed; adding '" + key + "' makes "
							+ copy.size());
		}
		return new UploadOptions(this.store, Collections.unmodifiableMap(copy), this.progressListener);
	}

	/**
	 * Returns options with the given metadata entries added, in the map's order.
	 * @param metadata the entries
	 * @return the new options
	 * @throws IllegalArgumentException as {@link #withMetadata(String, String)}
	 */
	public UploadOptions withMetadata(Map<String, String> metadata) {
		Objects.requireNonNull(metadata, "metadata must not be null");
		UploadOptions options = this;
		for (Map.Entry<String, String> entry : metadata.entrySet()) {
			options = options.withMetadata(entry.getKey(), entry.getValue());
		}
		return options;
	}

	/**
	 * Returns options with the given progress listener.
	 * @param listener the listener
	 * @return the new options
	 */
	public UploadOptions withProgressListener(UploadProgressListener listener) {
		return new UploadOptions(this.store, this.metadata,
				Objects.requireNonNull(listener, "listener must not be null"));
	}

	/** Returns the store mode, or {@code null} to use the configured one. */
	public @Nullable StoreMode store() {
		return this.store;
	}

	/** Returns the metadata, in the order it was added. */
	public Map<String, String> metadata() {
		return this.metadata;
	}

	/** Returns the progress listener ({@link UploadProgressListener#NONE} by default). */
	public UploadProgressListener progressListener() {
		return this.progressListener;
	}

	private static String checkKey(String key) {
		if (key == null || key.isEmpty() || key.length() > MAX_METADATA_KEY_LENGTH || !KEY.matcher(key).matches()) {
			throw new IllegalArgumentException("Malformed metadata key '" + Strings.abbreviate(String.valueOf(key))
					+ "': expected 1 to " + MAX_METADATA_KEY_LENGTH + " letters, digits, '_', '-', '.' or ':'");
		}
		return key;
	}

	private static String checkValue(String key, String value) {
		if (value == null || value.isEmpty() || value.length() > MAX_METADATA_VALUE_LENGTH) {
			throw new IllegalArgumentException("Metadata value of '" + key + "' must have 1 to "
					+ MAX_METADATA_VALUE_LENGTH + " characters; it has "
					+ ((value != null) ? value.length() : "none"));
		}
		return value;
	}

	@Override
	public String toString() {
		return "UploadOptions[store=" + this.store + ", metadata=" + this.metadata.keySet() + "]";
	}

}
