package io.github.ucgroups.browser;

import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import io.github.ucgroups.GroupId;

import org.springframework.util.MimeType;
import org.springframework.util.MimeTypeUtils;
import org.springframework.util.unit.DataSize;

/**
 * What a form promises about the group a browser uploaded, checked on the server by
 * {@link GroupVerifier}: the number of files, their types, their largest size, and that every
 * file is ready. A group's files must also never have been removed, and its {@code files_count}
 * must equal the {@code N} of its id; those rules always apply.
 *
 * @param minFiles the fewest files (at least 1)
 * @param maxFiles the most files (at most {@value GroupId#MAX_FILES})
 * @param acceptedTypes MIME types the files may have, wildcards allowed ({@code image/*});
 * empty for any type
 * @param imagesOnly whether every file must be an image Uploadcare recognised
 * @param maxFileSize the largest size of one file, or {@code null} for no limit
 * @param requireReady whether every file must be fully uploaded and processed
 */
public record GroupRules(int minFiles, int maxFiles, List<String> acceptedTypes, boolean imagesOnly,
		@Nullable DataSize maxFileSize, boolean requireReady) {

	/**
	 * Creates rules, checking them.
	 * @param minFiles the fewest files
	 * @param maxFiles the most files
	 * @param acceptedTypes the accepted MIME types
	 * @param imagesOnly whether only images are accepted
	 * @param maxFileSize the largest file size, or {@code null}
	 * @param requireReady whether files must be ready
	 * @throws IllegalArgumentException naming a bad count, size or MIME type
	 */
	public GroupRules {
		if (minFiles < 1 || maxFiles > GroupId.MAX_FILES || minFiles > maxFiles) {
			throw new IllegalArgumentException("File counts " + minFiles + ".." + maxFiles + " must lie within 1.."
					+ GroupId.MAX_FILES + " with the minimum not above the maximum");
		}
		acceptedTypes = List.copyOf(Objects.requireNonNull(acceptedTypes, "acceptedTypes must not be null"));
		acceptedTypes.forEach(MimeTypeUtils::parseMimeType);
		if (maxFileSize != null && maxFileSize.toBytes() <= 0) {
			throw new IllegalArgumentException("The largest file size " + maxFileSize + " must be positive");
		}
	}

	/**
	 * One to {@value GroupId#MAX_FILES} files of any type and size, every file ready.
	 * @return the rules
	 */
	public static GroupRules defaults() {
		return new GroupRules(1, GroupId.MAX_FILES, List.of(), false, null, true);
	}

	/**
	 * Returns these rules with other file counts.
	 * @param min the fewest files
	 * @param max the most files
	 * @return the new rules
	 */
	public GroupRules withFiles(int min, int max) {
		return new GroupRules(min, max, this.acceptedTypes, this.imagesOnly, this.maxFileSize, this.requireReady);
	}

	/**
	 * Returns these rules accepting only the given MIME types.
	 * @param types MIME types, wildcards allowed ({@code image/*}, {@code application/pdf})
	 * @return the new rules
	 */
	public GroupRules acceptingTypes(String... types) {
		return new GroupRules(this.minFiles, this.maxFiles, List.of(types), this.imagesOnly, this.maxFileSize,
				this.requireReady);
	}

	/**
	 * Returns these rules accepting images only.
	 * @return the new rules
	 */
	public GroupRules acceptingImagesOnly() {
		return new GroupRules(this.minFiles, this.maxFiles, this.acceptedTypes, true, this.maxFileSize,
				this.requireReady);
	}

	/**
	 * Returns these rules with a largest file size.
	 * @param size the largest size of one file
	 * @return the new rules
	 */
	public GroupRules withMaxFileSize(DataSize size) {
		return new GroupRules(this.minFiles, this.maxFiles, this.acceptedTypes, this.imagesOnly,
				Objects.requireNonNull(size, "size must not be null"), this.requireReady);
	}

	/**
	 * Returns these rules accepting files that are not ready yet.
	 * @return the new rules
	 */
	public GroupRules allowingUnreadyFiles() {
		return new GroupRules(this.minFiles, this.maxFiles, this.acceptedTypes, this.imagesOnly, this.maxFileSize,
				false);
	}

	/**
	 * Tells whether a MIME type is accepted.
	 * @param mimeType the file's type, or {@code null} when Uploadcare does not know it
	 * @return {@code true} if there is no type rule or the type matches one of them
	 */
	public boolean accepts(@Nullable String mimeType) {
		if (this.acceptedTypes.isEmpty()) {
			return true;
		}
		if (mimeType == null || mimeType.isBlank()) {
			return false;
		}
		MimeType actual;
		try {
			actual = MimeTypeUtils.parseMimeType(mimeType);
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
		return this.acceptedTypes.stream().map(MimeTypeUtils::parseMimeType).anyMatch((type) -> type.includes(actual));
	}

}
