package io.github.ucgroups.cdn;

import java.math.BigInteger;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.regex.Pattern;

import io.github.ucgroups.CdnOperations;
import io.github.ucgroups.FileRef;
import io.github.ucgroups.Group;
import io.github.ucgroups.GroupId;
import io.github.ucgroups.signing.Hmac;

/**
 * Builds CDN URLs of files and groups against one CDN base URL: the group listing
 * ({@code <cdn>/<uuid~N>/}), the i-th file of a group ({@code <cdn>/<uuid~N>/nth/<i>/-/…/}), a zip
 * or tar archive of a group ({@code <cdn>/<uuid~N>/archive/{zip|tar}/<name>}) and a file
 * ({@code <cdn>/<uuid>/-/…/}). Operations are appended only through {@link CdnOperations#toPath()},
 * so they are validated and never glued twice.
 * <p>
 * The overloads taking a {@link Group} use the CDN base configured here, not the group's own
 * {@code cdn_url}, so that a project CDN host or a custom domain applies to every URL alike.
 */
public final class CdnUrls {

	/** The domain of per-project CDN hosts. */
	public static final String PROJECT_CDN_DOMAIN = "ucarecd.net";

	/** Archive names: one path segment of common file-name characters. */
	private static final Pattern ARCHIVE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._() -]{0,199}");

	private final String base;

	/**
	 * Creates the URL builder.
	 * @param cdnBase the CDN base URL, e.g. {@code https://ucarecdn.com} (a trailing slash is
	 * optional; a path, as with a proxy, is kept)
	 * @throws IllegalArgumentException if the base is not an absolute http(s) URL or has a query
	 * or fragment
	 */
	public CdnUrls(URI cdnBase) {
		Objects.requireNonNull(cdnBase, "cdnBase must not be null");
		String scheme = cdnBase.getScheme();
		if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
				|| cdnBase.getRawAuthority() == null) {
			throw new IllegalArgumentException("The CDN base URL must be an absolute http(s) URL: " + cdnBase);
		}
		if (cdnBase.getRawQuery() != null || cdnBase.getRawFragment() != null) {
			throw new IllegalArgumentException("The CDN base URL must have no query or fragment: " + cdnBase);
		}
		String text = cdnBase.toString();
		while (text.endsWith("/")) {
			text = text.substring(0, text.length() - 1);
		}
		this.base = text + "/";
	}

	/**
	 * Computes the per-project CDN base URL, {@code https://<prefix>.ucarecd.net}, where the
	 * prefix is the first 10 characters of the base-36 form of the SHA-256 digest of the public
	 * key.
	 * @param publicKey the project's public key
	 * @return the project's CDN base URL
	 */
	public static URI projectCdnBase(String publicKey) {
		return URI.create("https://" + projectPrefix(publicKey) + "." + PROJECT_CDN_DOMAIN);
	}

	/**
	 * Computes the per-project CDN host prefix: the first 10 characters of the base-36 form (as
	 * an unsigned number, lower case) of the SHA-256 digest of the public key's UTF-8 bytes.
	 * @param publicKey the project's public key
	 * @return the prefix
	 * @throws IllegalArgumentException if the public key is blank
	 */
	public static String projectPrefix(String publicKey) {
		if (publicKey == null || publicKey.isBlank()) {
			throw new IllegalArgumentException("The Uploadcare public key must not be blank");
		}
		byte[] digest = Hmac.digest("SHA-256", publicKey.strip().getBytes(StandardCharsets.UTF_8));
		String base36 = new BigInteger(1, digest).toString(36);
		return base36.substring(0, Math.min(10, base36.length()));
	}

	/** Returns the CDN base URL, with a trailing slash. */
	public URI base() {
		return URI.create(this.base);
	}

	/**
	 * Returns the URL of a group ({@code <cdn>/<uuid~N>/}); operations cannot apply to it.
	 * @param groupId the group id
	 * @return the URL
	 */
	public URI groupUrl(GroupId groupId) {
		return URI.create(groupBase(groupId));
	}

	/**
	 * Returns the URL of a group.
	 * @param group the group
	 * @return the URL
	 */
	public URI groupUrl(Group group) {
		return groupUrl(Objects.requireNonNull(group, "group must not be null").id());
	}

	/**
	 * Returns the URL of the i-th file of a group, with operations applied after the file's
	 * default effects ({@code <cdn>/<uuid~N>/nth/<i>/-/…/}).
	 * @param groupId the group id
	 * @param index the zero-based index, below the group's files count
	 * @param operations the operations, possibly {@link CdnOperations#NONE}
	 * @return the URL
	 * @throws IndexOutOfBoundsException if the index is outside the group
	 */
	public URI nthFileUrl(GroupId groupId, int index, CdnOperations operations) {
		Objects.checkIndex(index, groupId.filesCount());
		Objects.requireNonNull(operations, "operations must not be null");
		return URI.create(groupBase(groupId) + "nth/" + index + "/" + operations.toPath());
	}

	/**
	 * Returns the URL of the i-th file of a group without extra operations.
	 * @param groupId the group id
	 * @param index the zero-based index
	 * @return the URL
	 */
	public URI nthFileUrl(GroupId groupId, int index) {
		return nthFileUrl(groupId, index, CdnOperations.NONE);
	}

	/**
	 * Returns the URL of the i-th file of a group, with operations.
	 * @param group the group
	 * @param index the zero-based index, below the group's files count
	 * @param operations the operations
	 * @return the URL
	 */
	public URI nthFileUrl(Group group, int index, CdnOperations operations) {
		Objects.requireNonNull(group, "group must not be null");
		Objects.checkIndex(index, group.filesCount());
		return nthFileUrl(group.id(), index, operations);
	}

	/**
	 * Returns the URL of a zip archive of a group's original files
	 * ({@code <cdn>/<uuid~N>/archive/zip/<name>}); see
	 * {@link #archiveUrl(GroupId, ArchiveFormat, String)} for the CDN's limits.
	 * @param groupId the group id
	 * @param filename the archive's file name, e.g. {@code photos.zip}: letters, digits, spaces,
	 * {@code . _ - ( )}, at most 200 characters, starting with a letter or digit
	 * @return the URL, the name percent-encoded
	 * @throws IllegalArgumentException naming the file name if it is not acceptable
	 */
	public URI archiveUrl(GroupId groupId, String filename) {
		return archiveUrl(groupId, ArchiveFormat.ZIP, filename);
	}

	/**
	 * Returns the URL of a zip archive of a group's original files.
	 * @param group the group
	 * @param filename the archive's file name
	 * @return the URL
	 */
	public URI archiveUrl(Group group, String filename) {
		return archiveUrl(group, ArchiveFormat.ZIP, filename);
	}

	/**
	 * Returns the URL of an archive of a group's files
	 * ({@code <cdn>/<uuid~N>/archive/{zip|tar}/<name>}). What the CDN does with it (Uploadcare's
	 * URL API): it packs the <em>original</em> files, without their default effects or any
	 * operations; it refuses groups of more than 2 GB uncompressed; and it answers 404 when a
	 * file of the group was removed (see {@link Group#hasRemovedFiles()}).
	 * @param groupId the group id
	 * @param format zip or tar
	 * @param filename the archive's file name, e.g. {@code photos.tar}: letters, digits, spaces,
	 * {@code . _ - ( )}, at most 200 characters, starting with a letter or digit
	 * @return the URL, the name percent-encoded
	 * @throws IllegalArgumentException naming the file name if it is not acceptable
	 */
	public URI archiveUrl(GroupId groupId, ArchiveFormat format, String filename) {
		Objects.requireNonNull(groupId, "groupId must not be null");
		Objects.requireNonNull(format, "format must not be null");
		if (filename == null || !ARCHIVE_NAME.matcher(filename).matches() || filename.endsWith(" ")
				|| filename.endsWith(".")) {
			throw new IllegalArgumentException("Malformed archive file name '" + abbreviate(filename)
					+ "': use letters, digits, spaces and . _ - ( ), at most 200 characters, "
					+ "starting with a letter or digit");
		}
		return URI.create(archiveBase(groupId, format) + encodeSegment(filename));
	}

	/**
	 * Returns the URL of an archive of a group's files without a file name
	 * ({@code <cdn>/<uuid~N>/archive/{zip|tar}/}; the CDN names it); limits as for
	 * {@link #archiveUrl(GroupId, ArchiveFormat, String)}.
	 * @param groupId the group id
	 * @param format zip or tar
	 * @return the URL
	 */
	public URI archiveUrl(GroupId groupId, ArchiveFormat format) {
		return URI.create(archiveBase(groupId, Objects.requireNonNull(format, "format must not be null")));
	}

	/**
	 * Returns the URL of an archive of a group's files; limits as for
	 * {@link #archiveUrl(GroupId, ArchiveFormat, String)}.
	 * @param group the group
	 * @param format zip or tar
	 * @param filename the archive's file name
	 * @return the URL
	 */
	public URI archiveUrl(Group group, ArchiveFormat format, String filename) {
		return archiveUrl(Objects.requireNonNull(group, "group must not be null").id(), format, filename);
	}

	private String archiveBase(GroupId groupId, ArchiveFormat format) {
		return groupBase(groupId) + "archive/" + format.pathSegment() + "/";
	}

	/**
	 * Returns the URL of a file with operations ({@code <cdn>/<uuid>/-/…/}).
	 * @param uuid the file UUID
	 * @param operations the operations, possibly {@link CdnOperations#NONE}
	 * @return the URL
	 * @throws IllegalArgumentException if the UUID is malformed
	 */
	public URI fileUrl(String uuid, CdnOperations operations) {
		return fileUrl(new FileRef(uuid, Objects.requireNonNull(operations, "operations must not be null")));
	}

	/**
	 * Returns the URL of a file reference with its operations ({@code <cdn>/<uuid>/-/…/}).
	 * @param file the file reference
	 * @return the URL
	 */
	public URI fileUrl(FileRef file) {
		Objects.requireNonNull(file, "file must not be null");
		return URI.create(this.base + file.uuid() + "/" + file.operations().toPath());
	}

	private String groupBase(GroupId groupId) {
		Objects.requireNonNull(groupId, "groupId must not be null");
		return this.base + groupId + "/";
	}

	private static String encodeSegment(String segment) {
		try {
			// The multi-argument constructor quotes characters (such as spaces) that are illegal in a path.
			return new URI(null, null, segment, null).getRawPath();
		}
		catch (URISyntaxException ex) {
			throw new IllegalArgumentException("Malformed archive file name", ex);
		}
	}

	private static String abbreviate(String value) {
		if (value == null) {
			return "null";
		}
		String oneLine = value.replaceAll("\\p{Cntrl}", "?");
		return (oneLine.length() <= 80) ? oneLine : oneLine.substring(0, 80) + "...";
	}

	@Override
	public String toString() {
		return "CdnUrls[" + this.base + "]";
	}

	/** The archive formats of the CDN's group archives. */
	public enum ArchiveFormat {

		/** A zip archive ({@code archive/zip/}). */
		ZIP("zip"),

		/** A tar archive ({@code archive/tar/}), uncompressed. */
		TAR("tar");

		private final String pathSegment;

		ArchiveFormat(String pathSegment) {
			this.pathSegment = pathSegment;
		}

		/** Returns the path segment, {@code zip} or {@code tar}. */
		public String pathSegment() {
			return this.pathSegment;
		}

	}

}
