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
 * <p>
 * Files deleted after the group was created keep their place in {@link #files()}, so that
 * indexes stay those of {@link #nthFileUrl(int)}: a recently deleted file with its removal time,
 * a long-purged one as {@link GroupFile#purged()} (no UUID). Both are
 * {@linkplain GroupFile#isRemoved() removed}; {@link #presentFiles()} skips them and
 * {@link #hasRemovedFiles()} tells whether there are any (the group's archives then answer 404).
 * <p>
 * As JSON (Jackson, e.g. from a Spring MVC controller) a group reads
 * {@code {"id":"<uuid>~N","createdAt":"…Z","filesCount":N,"cdnUrl":"https://…/","url":…,"files":[…]}},
 * each file with its {@code defaultEffects} as a path ({@code "-/resize/x800/"}) and
 * {@code "removed"}; a purged entry has {@code "uuid":null} and {@code "removed":true}.
 *
 * @param id the group id ({@code <uuid>~<N>})
 * @param createdAt when the group was created
 * @param filesCount the number of files in the group
 * @param cdnUrl the group's CDN URL, e.g. {@code https://1s4oyld5dc.ucarecd.net/<uuid>~<N>/}
 * (built on the configured CDN base, not taken from Uploadcare's answer)
 * @param url the group's REST API URL
 * @param files the files in group order, removed ones included (never {@code null}, no
 * {@code null} entries)
 */
public record Group(GroupId id, Instant createdAt, int filesCount, URI cdnUrl, @Nullable URI url,
		List<GroupFile> files) {

	/**
	 * Creates a group description.
	 * @param id the group id
	 * @param createdAt when the group was created
	 * @param filesCount the number of files
	 * @param cdnUrl the group's CDN URL
	 * @param url the group's REST API URL, if known
	 * @param files the files; a {@code null} entry (as Uploadcare sends for a purged file) is
	 * kept as {@link GroupFile#purged()}
	 */
	public Group {
		Objects.requireNonNull(id, "id must not be null");
		Objects.requireNonNull(createdAt, "createdAt must not be null");
		Objects.requireNonNull(cdnUrl, "cdnUrl must not be null");
		List<GroupFile> entries = new ArrayList<>(Objects.requireNonNull(files, "files must not be null").size());
		for (GroupFile file : files) {
			entries.add((file != null) ? file : GroupFile.purged());
		}
		files = Collections.unmodifiableList(entries);
	}

	/**
	 * Returns the CDN URL of the i-th file of the group ({@code <cdnUrl>nth/<i>/}).
	 * @param index the zero-based file index
	 * @return the URL
	 * @throws IndexOutOfBoundsException if the index is not below {@link #filesCount()}
	 */
	public URI nthFileUrl(int index) {
		return nthFileUrl(index, CdnOperations.NONE);
	}

	/**
	 * Returns the CDN URL of the i-th file of the group with extra operations applied after the
	 * file's own default effects ({@code <cdnUrl>nth/<i>/-/<operation>/}).
	 * @param index the zero-based file index
	 * @param operations the operations to apply
	 * @return the URL
	 * @throws IndexOutOfBoundsException if the index is not below {@link #filesCount()}
	 */
	public URI nthFileUrl(int index, CdnOperations operations) {
		Objects.checkIndex(index, this.filesCount);
		Objects.requireNonNull(operations, "operations must not be null");
		String base = this.cdnUrl.toString();
		return URI.create((base.endsWith("/") ? base : base + "/") + "nth/" + index + "/" + operations.toPath());
	}

	/**
	 * Returns the files that still exist, skipping {@linkplain GroupFile#isRemoved() removed}
	 * ones.
	 * @return the present files, in group order
	 */
	public List<GroupFile> presentFiles() {
		return this.files.stream().filter((file) -> !file.isRemoved()).toList();
	}

	/**
	 * Tells whether a file of the group was deleted since the group was created (recently, with
	 * a removal time, or long ago, purged). The CDN answers 404 for the group's archives then.
	 * @return {@code true} if any file is {@linkplain GroupFile#isRemoved() removed}
	 */
	public boolean hasRemovedFiles() {
		return this.files.stream().anyMatch(GroupFile::isRemoved);
	}

}
