package io.github.ucgroups.observation;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import org.jspecify.annotations.Nullable;

import io.github.ucgroups.UploadcareException;
import io.github.ucgroups.UploadcareNetworkException;
import io.github.ucgroups.UploadcareServerException;
import io.github.ucgroups.UploadcareThrottledException;
import io.github.ucgroups.observation.UploadcareObservationDocumentation.HighCardinalityKeyNames;
import io.github.ucgroups.observation.UploadcareObservationDocumentation.LowCardinalityKeyNames;

/**
 * The default naming: observation {@value #NAME}, tagged with the operation (one of
 * {@link UploadcareOperations}), its outcome and the error class; group id, file count, bytes and
 * retries go to traces only.
 * <p>
 * As with Spring Framework's {@code DefaultClientRequestObservationConvention}, each key value
 * has its own protected method: subclass this convention and override the one key you want to
 * change, e.g. {@link #operation(UploadcareObservationContext)} to rename operations, and
 * register the subclass as an {@link UploadcareObservationConvention} bean.
 */
public class DefaultUploadcareObservationConvention implements UploadcareObservationConvention {

	/** The observation (and timer) name. */
	public static final String NAME = "uploadcare.operations";

	@Override
	public String getName() {
		return NAME;
	}

	@Override
	public String getContextualName(UploadcareObservationContext context) {
		return "uploadcare " + context.getOperation();
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(UploadcareObservationContext context) {
		return KeyValues.of(operation(context), outcome(context), error(context));
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(UploadcareObservationContext context) {
		KeyValues values = KeyValues.of(retries(context));
		for (KeyValue optional : new KeyValue[] { groupId(context), fileCount(context), bytes(context) }) {
			if (optional != null) {
				values = values.and(optional);
			}
		}
		return values;
	}

	/**
	 * The {@code operation} key: the operation's name, one of {@link UploadcareOperations}.
	 * @param context the observation context
	 * @return the key value
	 */
	protected KeyValue operation(UploadcareObservationContext context) {
		return KeyValue.of(LowCardinalityKeyNames.OPERATION, context.getOperation());
	}

	/**
	 * The {@code outcome} key, see {@link #outcome(Throwable)}.
	 * @param context the observation context
	 * @return the key value
	 */
	protected KeyValue outcome(UploadcareObservationContext context) {
		return KeyValue.of(LowCardinalityKeyNames.OUTCOME, outcome(context.getError()));
	}

	/**
	 * The {@code error} key: the exception's simple class name, or {@code none}.
	 * @param context the observation context
	 * @return the key value
	 */
	protected KeyValue error(UploadcareObservationContext context) {
		Throwable error = context.getError();
		return KeyValue.of(LowCardinalityKeyNames.ERROR, (error != null) ? error.getClass().getSimpleName() : "none");
	}

	/**
	 * The {@code uploadcare.retries} key (high cardinality): how many times the call was retried.
	 * @param context the observation context
	 * @return the key value
	 */
	protected KeyValue retries(UploadcareObservationContext context) {
		return KeyValue.of(HighCardinalityKeyNames.RETRIES, Integer.toString(context.getRetries()));
	}

	/**
	 * The {@code uploadcare.group.id} key (high cardinality), when the operation concerns one group.
	 * @param context the observation context
	 * @return the key value, or {@code null} to leave the key out
	 */
	protected @Nullable KeyValue groupId(UploadcareObservationContext context) {
		String groupId = context.getGroupId();
		return (groupId != null) ? KeyValue.of(HighCardinalityKeyNames.GROUP_ID, groupId) : null;
	}

	/**
	 * The {@code uploadcare.files.count} key (high cardinality), when the operation concerns several files.
	 * @param context the observation context
	 * @return the key value, or {@code null} to leave the key out
	 */
	protected @Nullable KeyValue fileCount(UploadcareObservationContext context) {
		Integer fileCount = context.getFileCount();
		return (fileCount != null) ? KeyValue.of(HighCardinalityKeyNames.FILE_COUNT, fileCount.toString()) : null;
	}

	/**
	 * The {@code uploadcare.bytes} key (high cardinality), when the operation sends file content.
	 * @param context the observation context
	 * @return the key value, or {@code null} to leave the key out
	 */
	protected @Nullable KeyValue bytes(UploadcareObservationContext context) {
		Long bytes = context.getBytes();
		return (bytes != null) ? KeyValue.of(HighCardinalityKeyNames.BYTES, bytes.toString()) : null;
	}

	/**
	 * Classifies how an operation ended.
	 * @param error the exception that ended it, or {@code null} on success
	 * @return the outcome tag value
	 */
	protected String outcome(@Nullable Throwable error) {
		if (error == null) {
			return "SUCCESS";
		}
		if (error instanceof UploadcareThrottledException) {
			return "THROTTLED";
		}
		if (error instanceof UploadcareNetworkException) {
			return "NETWORK_ERROR";
		}
		if (error instanceof UploadcareServerException
				|| (error instanceof UploadcareException ex && ex.getStatus() >= 500)) {
			return "SERVER_ERROR";
		}
		return "CLIENT_ERROR";
	}

}
