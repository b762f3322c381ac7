package io.github.ucgroups;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * An Uploadcare file group, as the Upload API describes it.
 *
 * @param id the group id ({@code <uuid>~<N>})
 * @param createdAt when the group was created
 * @param filesCount the number of files in the group
 * @param cdnUrl the group's CDN URL, e.g. {@code https://ucarecdn.com/<uuid>~<N>/}
 * @param url the group's REST API URL
 * @param files the files in group order; an entry is {@code null} when that file was deleted
 * after the group was created (the list itself is never {@code null})
 */
public record Group(GroupId id, Instant createdAt, int filesCount, URI cdnUrl, @Nullable URI url,
		List<@Nullable GroupFile> files) {

	/**
	 * Creates a group description.
	 * @param id the group id
	 * @param createdAt when the group was created
	 * @param filesCount the number of files
	 * @param cdnUrl the group's CDN URL
	 * @param url the group's REST API URL, if known
	 * @param files the files, {@code null} entries allowed
	 */
	public Group {
		Objects.requireNonNull(id, "id must not be null");
		Objects.requireNonNull(createdAt, "createdAt must not be null");
		Objects.requireNonNull(cdnUrl, "cdnUrl must not be null");
		// List.copyOf rejects null entries, and deleted files are null: keep them.
		files = Collections.unmodifiableList(new ArrayList<>(Objects.requireNonNull(files, "files must not be null")));
	}

	/**
	 * Returns the CDN URL of the i-th file of the group ({@code <cdnUrl>nth/<i>/}).
	 * @param index the zero-based file index
	 * @return the URL
	 * @throws IndexOutOfBoundsException if the index is not below {@link #filesCount()}
	 */
	public URI nthCdnUrl(int index) {
		return nthCdnUrl(index, CdnOperations.NONE);
	}

	/**
	 * Returns the CDN URL of the i-th file of the group with extra operations applied after the
	 * file's own default effects ({@code <cdnUrl>nth/<i>/-/<operation>/}).
	 * @param index the zero-based file index
	 * @param operations the operations to apply
	 * @return the URL
	 * @throws IndexOutOfBoundsException if the index is not below {@link #filesCount()}
	 */
	public URI nthCdnUrl(int index, CdnOperations operations) {
		Objects.checkIndex(index, this.filesCount);
		String base = this.cdnUrl.toString();
		return URI.create((base.endsWith("/") ? base : base + "/") + "nth/" + index + "/" + operations.toPath());
	}

	/**
	 * Returns the files that still exist, skipping {@code null} entries of deleted files.
	 * @return the present files, in group order
	 */
	public List<GroupFile> presentFiles() {
		return this.files.stream().filter(Objects::nonNull).toList();
	}

}
