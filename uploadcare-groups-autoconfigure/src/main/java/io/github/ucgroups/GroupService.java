package io.github.ucgroups;

import java.util.List;
import java.util.Optional;

/**
 * Creates and reads Uploadcare file groups through the Upload API. The starter's
 * auto-configuration provides a bean; inject it where uploads become groups.
 * <p>
 * Every argument is checked before anything is sent: malformed file references or group ids,
 * an empty list and more than {@value GroupId#MAX_FILES} files are refused with an
 * {@link IllegalArgumentException} naming the bad value. Failed calls throw subclasses of
 * {@link UploadcareException}; throttling, server errors and network failures are retried as
 * configured under {@code uploadcare.retry.*} first.
 */
public interface GroupService {

	/**
	 * Creates a group of the given files, in the given order. Strings (file UUIDs, UUIDs followed
	 * by CDN operations, CDN URLs of files) become references with {@link FileRef#parseAll(List)}.
	 * @param files the files, each with optional CDN operations
	 * @return the new group
	 * @throws IllegalArgumentException if the list is empty, has more than
	 * {@value GroupId#MAX_FILES} entries or a {@code null} entry
	 * @throws UploadcareException if Uploadcare refuses or cannot be reached
	 */
	Group createGroup(List<FileRef> files);

	/**
	 * Uploads the files with default options, then creates a group of them in the given order.
	 * See {@link #uploadGroup(List, UploadOptions)}; plain sources become requests with
	 * {@link UploadRequest#allOf(List)}.
	 * @param requests the files and their operations, at most {@value GroupId#MAX_FILES}
	 * @return the new group
	 * @throws IllegalArgumentException if the list is empty, too long, or holds a {@code null}
	 * or a source of unknown size
	 * @throws UploadcareBatchUploadException if an upload or the group creation failed
	 */
	default Group uploadGroup(List<UploadRequest> requests) {
		return uploadGroup(requests, UploadOptions.defaults());
	}

	/**
	 * Uploads the files concurrently (at most {@code uploadcare.upload.max-concurrent-files}
	 * files at a time across the application), then creates a group of them in submission order
	 * (whatever order the uploads finish in), each with its CDN operations.
	 * <p>
	 * Everything is checked before the first byte is sent. If any upload fails, no group is
	 * created; if the group cannot be created, the files stay uploaded. Either way an
	 * {@link UploadcareBatchUploadException} lists the uploaded files and the failures, and the
	 * uploaded files are kept or deleted as {@code uploadcare.upload.orphans} says. Interrupting
	 * the calling thread cancels the uploads that have not finished.
	 * @param requests the files and their operations, at most {@value GroupId#MAX_FILES}
	 * @param options store mode, metadata (for every file) and progress listener
	 * @return the new group
	 * @throws IllegalArgumentException if the list is empty, too long, or holds a {@code null}
	 * or a source of unknown size
	 * @throws UploadcareBatchUploadException if an upload or the group creation failed
	 */
	Group uploadGroup(List<UploadRequest> requests, UploadOptions options);

	/**
	 * Reads a group (Upload API {@code GET /group/info/}).
	 * @param groupId the group id, {@code <uuid>~<N>}
	 * @return the group
	 * @throws IllegalArgumentException if the id is malformed
	 * @throws UploadcareNotFoundException if there is no such group in this project
	 * @throws UploadcareException if Uploadcare refuses or cannot be reached
	 */
	default Group getGroup(String groupId) {
		return getGroup(GroupId.parse(groupId));
	}

	/**
	 * Reads a group (Upload API {@code GET /group/info/}).
	 * @param groupId the group id
	 * @return the group
	 * @throws UploadcareNotFoundException if there is no such group in this project
	 * @throws UploadcareException if Uploadcare refuses or cannot be reached
	 */
	Group getGroup(GroupId groupId);

	/**
	 * Reads a group if it exists.
	 * @param groupId the group id
	 * @return the group, or empty if Uploadcare does not know it
	 * @throws UploadcareException if Uploadcare refuses or cannot be reached
	 */
	default Optional<Group> findGroup(GroupId groupId) {
		try {
			return Optional.of(getGroup(groupId));
		}
		catch (UploadcareNotFoundException ex) {
			return Optional.empty();
		}
	}

}
