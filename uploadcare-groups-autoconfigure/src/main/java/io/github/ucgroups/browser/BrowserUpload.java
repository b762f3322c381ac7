package io.github.ucgroups.browser;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import io.github.ucgroups.FileRef;
import io.github.ucgroups.Group;
import io.github.ucgroups.GroupId;

/**
 * What Uploadcare's File Uploader posted through {@code <uc-form-input>}: a group (its CDN URL,
 * {@code https://<host>/<uuid>~N/}, with {@code group-output}), or files (one CDN URL, possibly
 * with operations, or repeated {@code name[]} URLs). Bound by Spring MVC from request
 * parameters ({@code @RequestParam BrowserUpload photos}, {@code @RequestParam("photos[]")},
 * or a form object field), after {@link CdnHostPolicy} accepted every host. Nothing here has
 * been checked with Uploadcare yet: verify it with {@link GroupVerifier} or
 * {@link VerifiedUpload} before trusting it.
 */
public final class BrowserUpload {

	private final @Nullable GroupId groupId;

	private final List<FileRef> files;

	private final List<URI> urls;

	private volatile @Nullable Group verifiedGroup;

	private BrowserUpload(@Nullable GroupId groupId, List<FileRef> files, List<URI> urls) {
		this.groupId = groupId;
		this.files = List.copyOf(files);
		this.urls = List.copyOf(urls);
	}

	/**
	 * A posted group.
	 * @param groupId the group id from the URL
	 * @param url the URL as posted
	 * @return the upload
	 */
	public static BrowserUpload ofGroup(GroupId groupId, URI url) {
		return new BrowserUpload(Objects.requireNonNull(groupId, "groupId must not be null"), List.of(),
				List.of(Objects.requireNonNull(url, "url must not be null")));
	}

	/**
	 * Posted files.
	 * @param files the files, with the operations of their URLs
	 * @param urls the URLs as posted, in the same order
	 * @return the upload
	 * @throws IllegalArgumentException if there are no files or the two lists differ in size
	 */
	public static BrowserUpload ofFiles(List<FileRef> files, List<URI> urls) {
		if (files.isEmpty() || files.size() != urls.size()) {
			throw new IllegalArgumentException("Posted files need one URL each, and at least one file");
		}
		return new BrowserUpload(null, files, urls);
	}

	/** Tells whether a group was posted (rather than file URLs). */
	public boolean isGroup() {
		return this.groupId != null;
	}

	/** Returns the posted group id, if a group was posted. */
	public Optional<GroupId> groupId() {
		return Optional.ofNullable(this.groupId);
	}

	/** Returns the posted files, if files were posted (empty for a group). */
	public List<FileRef> files() {
		return this.files;
	}

	/** Returns the URLs as posted. */
	public List<URI> urls() {
		return this.urls;
	}

	/**
	 * Returns the group that {@link VerifiedUpload} verified (or created, for posted files), once
	 * validation passed.
	 * @return the verified group, or empty before (or without) successful validation
	 */
	public Optional<Group> verifiedGroup() {
		return Optional.ofNullable(this.verifiedGroup);
	}

	void markVerified(Group group) {
		this.verifiedGroup = group;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof BrowserUpload that && Objects.equals(this.groupId, that.groupId)
				&& this.files.equals(that.files);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.groupId, this.files);
	}

	/** Returns the group id or the file references. */
	@Override
	public String toString() {
		return (this.groupId != null) ? "BrowserUpload[group=" + this.groupId + "]"
				: "BrowserUpload[files=" + this.files + "]";
	}

}
