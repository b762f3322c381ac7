package io.github.ucgroups.browser;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

import io.github.ucgroups.FileRef;
import io.github.ucgroups.GroupId;
import io.github.ucgroups.Strings;

/**
 * Reads what the File Uploader's {@code <uc-form-input>} posts into a {@link BrowserUpload}: a
 * group CDN URL ({@code https://<host>/<uuid>~N/}), a file CDN URL that may carry operations
 * ({@code https://<host>/<uuid>/-/crop/…/}), or a list of file CDN URLs. Every URL must be on
 * a host that the {@link CdnHostPolicy} allows; anything else is refused with an
 * {@link IllegalArgumentException} naming the value, which Spring MVC answers with 400.
 */
public final class BrowserUploadParser {

	private static final Pattern GROUP_SEGMENT = Pattern
		.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}~[0-9]+");

	private final CdnHostPolicy hosts;

	/**
	 * Creates the parser.
	 * @param hosts the allowed CDN hosts
	 */
	public BrowserUploadParser(CdnHostPolicy hosts) {
		this.hosts = Objects.requireNonNull(hosts, "hosts must not be null");
	}

	/**
	 * Reads one posted value: a group CDN URL or a file CDN URL.
	 * @param value the posted text
	 * @return the upload
	 * @throws IllegalArgumentException naming the value if it is not a CDN URL of a group or file
	 * on an allowed host
	 */
	public BrowserUpload parse(String value) {
		URI url = cdnUrl(value);
		String[] segments = url.getRawPath().split("/", -1);
		for (int i = 0; i < segments.length; i++) {
			if (GROUP_SEGMENT.matcher(segments[i]).matches()) {
				GroupId groupId = GroupId.parse(segments[i]);
				boolean nothingAfter = i == segments.length - 1 || (i == segments.length - 2 && segments[i + 1].isEmpty());
				if (!nothingAfter || url.getRawQuery() != null || url.getRawFragment() != null) {
					throw new IllegalArgumentException("'" + Strings.abbreviate(value)
							+ "' is not a group CDN URL: expected https://<host>/<uuid>~<N>/ with nothing after the group id");
				}
				return BrowserUpload.ofGroup(groupId, url);
			}
		}
		return BrowserUpload.ofFiles(List.of(FileRef.parse(url.toString())), List.of(url));
	}

	/**
	 * Reads a list of posted file CDN URLs (the File Uploader's repeated {@code name[]} fields).
	 * A list of one value may also be a group URL.
	 * @param values the posted texts
	 * @return the upload
	 * @throws IllegalArgumentException naming the position and value of the first bad entry, or
	 * if the list is empty or has more than {@value GroupId#MAX_FILES} entries
	 */
	public BrowserUpload parseAll(List<String> values) {
		Objects.requireNonNull(values, "values must not be null");
		if (values.size() == 1) {
			return parse(values.get(0));
		}
		if (values.isEmpty()) {
			throw new IllegalArgumentException("No files were posted");
		}
		if (values.size() > GroupId.MAX_FILES) {
			throw new IllegalArgumentException(values.size() + " file URLs were posted; a group holds at most "
					+ GroupId.MAX_FILES);
		}
		List<FileRef> files = new ArrayList<>(values.size());
		List<URI> urls = new ArrayList<>(values.size());
		for (int i = 0; i < values.size(); i++) {
			try {
				BrowserUpload one = parse(values.get(i));
				if (one.isGroup()) {
					throw new IllegalArgumentException("'" + Strings.abbreviate(values.get(i))
							+ "' is a group URL; a list holds file URLs only");
				}
				files.addAll(one.files());
				urls.addAll(one.urls());
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalArgumentException("files[" + i + "]: " + ex.getMessage(), ex);
			}
		}
		return BrowserUpload.ofFiles(files, urls);
	}

	/** Returns the host policy. */
	public CdnHostPolicy hosts() {
		return this.hosts;
	}

	private URI cdnUrl(String value) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException("No upload was posted: the field is empty");
		}
		String text = value.strip();
		URI url;
		try {
			url = new URI(text);
		}
		catch (URISyntaxException ex) {
			throw new IllegalArgumentException("'" + Strings.abbreviate(value) + "' is not a URL", ex);
		}
		if (!url.isAbsolute() || url.getHost() == null || url.getRawPath() == null) {
			throw new IllegalArgumentException("'" + Strings.abbreviate(value)
					+ "' is not a CDN URL of a group or file (expected https://<host>/<uuid>~<N>/ or https://<host>/<uuid>/)");
		}
		this.hosts.check(url);
		return url;
	}

	@Override
	public String toString() {
		return "BrowserUploadParser[" + this.hosts + "]";
	}

}
