package io.github.ucgroups.observation;

import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

/**
 * What an observation of one Uploadcare operation knows: the operation name, the HTTP status of
 * the last answer, how many retries it took, and optional details for traces (group id, file
 * count, bytes).
 */
public class UploadcareObservationContext extends Observation.Context {

	private final String operation;

	private int status;

	private int retries;

	private @Nullable String groupId;

	private @Nullable Integer fileCount;

	private @Nullable Long bytes;

	/**
	 * Creates a context.
	 * @param operation the operation, e.g. {@code group.create}
	 */
	public UploadcareObservationContext(String operation) {
		this.operation = operation;
	}

	/** Returns the operation, e.g. {@code group.create}. */
	public String getOperation() {
		return this.operation;
	}

	/** Returns the HTTP status of the last answer, or 0 when none arrived. */
	public int getStatus() {
		return this.status;
	}

	/**
	 * Sets the HTTP status of the last answer.
	 * @param status the status
	 */
	public void setStatus(int status) {
		this.status = status;
	}

	/** Returns how many times the operation was retried. */
	public int getRetries() {
		return this.retries;
	}

	/** Counts one retry. */
	public void incrementRetries() {
		this.retries++;
	}

	/** Returns the group id involved, if any. */
	public @Nullable String getGroupId() {
		return this.groupId;
	}

	/**
	 * Sets the group id involved.
	 * @param groupId the group id
	 */
	public void setGroupId(@Nullable String groupId) {
		this.groupId = groupId;
	}

	/** Returns the number of files involved, if known. */
	public @Nullable Integer getFileCount() {
		return this.fileCount;
	}

	/**
	 * Sets the number of files involved.
	 * @param fileCount the count
	 */
	public void setFileCount(@Nullable Integer fileCount) {
		this.fileCount = fileCount;
	}

	/** Returns the number of bytes sent, if known. */
	public @Nullable Long getBytes() {
		return this.bytes;
	}

	/**
	 * Sets the number of bytes sent.
	 * @param bytes the byte count
	 */
	public void setBytes(@Nullable Long bytes) {
		this.bytes = bytes;
	}

}
