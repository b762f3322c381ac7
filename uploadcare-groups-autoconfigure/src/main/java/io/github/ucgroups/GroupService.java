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
	 * Creates a group of the given files, in the given order.
	 * @param files each entry a file UUID, a UUID followed by CDN operations
	 * ({@code <uuid>/-/resize/x800/}), or a CDN URL of a file
	 * @return the new group
	 * @throws IllegalArgumentException if the list is empty, has more than
	 * {@value GroupId#MAX_FILES} entries, or an entry is malformed
	 * @throws UploadcareException if Uploadcare refuses or cannot be reached
	 */
	default Group createGroup(List<String> files) {
		return createGroupFromRefs(FileRef.parseAll(files));
	}

	/**
	 * Creates a group of the given file references, in the given order.
	 * @param files the files, each with optional CDN operations
	 * @return the new group
	 * @throws IllegalArgumentException if the list is empty or has more than
	 * {@value GroupId#MAX_FILES} entries
	 * @throws UploadcareException if Uploadcare refuses or cannot be reached
	 */
	Group createGroupFromRefs(List<FileRef> files);

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
