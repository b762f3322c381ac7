package io.github.ucgroups;

/**
 * What happens to files that were uploaded for a group when the group is not created (because
 * another upload or the group creation failed).
 */
public enum OrphanPolicy {

	/** Keep them; the exception lists their UUIDs. */
	KEEP,

	/**
	 * Delete them through the REST API (the REST client's file deletion); without a secret key they are
	 * kept and a warning is logged.
	 */
	DELETE

}
