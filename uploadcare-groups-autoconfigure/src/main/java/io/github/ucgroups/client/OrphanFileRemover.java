package io.github.ucgroups.client;

import java.util.List;

/**
 * Deletes files that were uploaded for a group that was then not created ("orphans"), when
 * {@code uploadcare.upload.orphans=delete}. Deleting files needs the REST API and so the secret
 * key: the auto-configuration passes a bean of this type to the group service when one exists
 * (the REST client provides it); without one, orphans are kept and a warning is logged.
 */
@FunctionalInterface
public interface OrphanFileRemover {

	/**
	 * Deletes the files.
	 * @param uuids the UUIDs of the files to delete
	 * @throws RuntimeException if they could not be deleted (the failure is reported, not thrown
	 * further)
	 */
	void delete(List<String> uuids);

}
