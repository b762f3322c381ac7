package io.github.ucgroups.client;

import java.util.List;

/** Deletes files that were uploaded but could not be put into a group. */
public interface OrphanFileRemover {

	void delete(List<String> uuids);

}
