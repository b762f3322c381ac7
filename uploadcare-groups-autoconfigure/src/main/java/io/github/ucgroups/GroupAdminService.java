package io.github.ucgroups;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Administers a project's file groups and files through the Uploadcare REST API (v0.7): list,
 * read and delete groups, store or delete their files. Every request is signed with the
 * project's secret key.
 * <p>
 * The starter's auto-configuration provides a bean only when a secret key is configured
 * ({@code uploadcare.secret-key}, or an {@code UploadcareConnectionDetails} bean that supplies
 * one); without it there is no bean of this type. Failed calls throw subclasses of
 * {@link UploadcareException}; throttling (honouring {@code Retry-After}), server errors and
 * network failures are retried as configured under {@code uploadcare.retry.*} first.
 * <p>
 * Groups created through the Upload API may take a moment to become visible here; right after
 * creating a group, trust the {@link Group} that {@link GroupService} returned.
 */
public interface GroupAdminService {

	/** The most file UUIDs sent in one {@code /files/storage/} request. */
	int MAX_FILES_PER_STORAGE_REQUEST = 100;

	/**
	 * Lists the project's groups, page by page as the stream is consumed (following the REST
	 * API's {@code next} links as they are). Listed groups carry no files: their
	 * {@link Group#files()} is empty; use {@link #getGroup(GroupId)} for the files.
	 * @param options page size, lower bound and order
	 * @return a lazy stream of groups; a failure while fetching a page is thrown from the
	 * stream operation that needed it
	 */
	Stream<Group> listGroups(GroupListOptions options);

	/**
	 * Lists the project's groups with Uploadcare's defaults (oldest first).
	 * @return a lazy stream of groups
	 * @see #listGroups(GroupListOptions)
	 */
	default Stream<Group> listGroups() {
		return listGroups(GroupListOptions.DEFAULTS);
	}

	/**
	 * Reads a group with its files ({@code GET /groups/<id>/}). Files deleted after the group
	 * was created are {@code null} entries of {@link Group#files()}.
	 * @param groupId the group id
	 * @return the group
	 * @throws UploadcareNotFoundException if the project has no such group
	 */
	Group getGroup(GroupId groupId);

	/**
	 * Reads a group if it exists.
	 * @param groupId the group id
	 * @return the group, or empty if Uploadcare does not know it
	 */
	default Optional<Group> findGroup(GroupId groupId) {
		try {
			return Optional.of(getGroup(groupId));
		}
		catch (UploadcareNotFoundException ex) {
			return Optional.empty();
		}
	}

	/**
	 * Deletes a group object ({@code DELETE /groups/<id>/}). Its files stay; delete them
	 * first with {@link #deleteGroupFiles(GroupId)} if they should go too.
	 * @param groupId the group id
	 * @throws UploadcareNotFoundException if the project has no such group
	 */
	void deleteGroup(GroupId groupId);

	/**
	 * Stores every file of a group permanently: reads the group, skips {@linkplain GroupFile#isRemoved() removed} files, and sends
	 * the UUIDs in batches of at most {@value #MAX_FILES_PER_STORAGE_REQUEST}.
	 * @param groupId the group id
	 * @return the merged result of all batches
	 * @throws UploadcareNotFoundException if the project has no such group
	 */
	StorageResult storeGroupFiles(GroupId groupId);

	/**
	 * Deletes every file of a group (the group object stays): reads the group, skips files
	 * already {@linkplain GroupFile#isRemoved() removed}, and sends the UUIDs in batches of at most
	 * {@value #MAX_FILES_PER_STORAGE_REQUEST}.
	 * @param groupId the group id
	 * @return the merged result of all batches
	 * @throws UploadcareNotFoundException if the project has no such group
	 */
	StorageResult deleteGroupFiles(GroupId groupId);

	/**
	 * Stores files permanently ({@code PUT /files/storage/}), in batches of at most
	 * {@value #MAX_FILES_PER_STORAGE_REQUEST}. Files Uploadcare cannot store are reported in
	 * {@link StorageResult#problems()} instead of failing the call. If a whole batch fails, the
	 * exception is thrown and earlier batches stay applied; storing is idempotent, so the call
	 * can simply be repeated.
	 * @param uuids file UUIDs (duplicates are sent once); an empty list sends nothing
	 * @return the merged result of all batches
	 * @throws IllegalArgumentException naming the position of the first malformed UUID
	 */
	StorageResult storeFiles(List<String> uuids);

	/**
	 * Deletes files ({@code DELETE /files/storage/}), in batches of at most
	 * {@value #MAX_FILES_PER_STORAGE_REQUEST}. Files Uploadcare cannot delete are reported in
	 * {@link StorageResult#problems()} instead of failing the call. If a whole batch fails, the
	 * exception is thrown and earlier batches stay applied; deleting is idempotent, so the call
	 * can simply be repeated.
	 * @param uuids file UUIDs (duplicates are sent once); an empty list sends nothing
	 * @return the merged result of all batches
	 * @throws IllegalArgumentException naming the position of the first malformed UUID
	 */
	StorageResult deleteFiles(List<String> uuids);

}
