package io.github.ucgroups.client;

import java.util.List;
import java.util.Objects;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import io.github.ucgroups.OrphanPolicy;
import io.github.ucgroups.UploadcareBatchUploadException.OrphanOutcome;

/**
 * Applies the {@link OrphanPolicy} to files that were uploaded for a group that was then not
 * created: keeps them, or deletes them through the {@link OrphanFileRemover}. A failed deletion
 * is reported in the outcome and logged, never thrown: the caller is already reporting a failure.
 */
final class OrphanHandling {

	/** The category users configure for the group service. */
	private static final Log logger = LogFactory.getLog(DefaultGroupService.class);

	private final OrphanPolicy policy;

	private final @Nullable OrphanFileRemover remover;

	OrphanHandling(OrphanPolicy policy, @Nullable OrphanFileRemover remover) {
		this.policy = Objects.requireNonNull(policy, "orphanPolicy must not be null");
		this.remover = remover;
		if (policy == OrphanPolicy.DELETE && remover == null) {
			logger.warn("uploadcare.upload.orphans=delete, but nothing can delete files (the REST API needs "
					+ "uploadcare.secret-key and the REST client): uploaded files of groups that fail will be kept");
		}
	}

	/**
	 * Keeps or deletes the files, as the policy says.
	 * @param uuids the files uploaded for the group
	 * @return what happened to them
	 */
	OrphanOutcome handle(List<String> uuids) {
		if (uuids.isEmpty() || this.policy == OrphanPolicy.KEEP) {
			return OrphanOutcome.KEPT;
		}
		OrphanFileRemover orphanRemover = this.remover;
		if (orphanRemover == null) {
			logger.warn("uploadcare.upload.orphans=delete, but nothing can delete files (the REST API needs "
					+ "uploadcare.secret-key); keeping the uploaded files " + uuids);
			return OrphanOutcome.KEPT;
		}
		try {
			orphanRemover.delete(uuids);
			return OrphanOutcome.DELETED;
		}
		catch (RuntimeException ex) {
			logger.warn("Could not delete the uploaded files " + uuids + " of a group that was not created", ex);
			return OrphanOutcome.DELETE_FAILED;
		}
	}

}
