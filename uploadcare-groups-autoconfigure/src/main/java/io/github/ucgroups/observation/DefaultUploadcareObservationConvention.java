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
 * The default naming: observation {@value #NAME}, tagged with the operation, its outcome and the
 * error class; group id, file count, bytes and retries go to traces only.
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
		Throwable error = context.getError();
		return KeyValues.of(KeyValue.of(LowCardinalityKeyNames.OPERATION, context.getOperation()),
				KeyValue.of(LowCardinalityKeyNames.OUTCOME, outcome(error)),
				KeyValue.of(LowCardinalityKeyNames.ERROR, (error != null) ? error.getClass().getSimpleName() : "none"));
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(UploadcareObservationContext context) {
		KeyValues values = KeyValues.of(KeyValue.of(HighCardinalityKeyNames.RETRIES,
				Integer.toString(context.getRetries())));
		if (context.getGroupId() != null) {
			values = values.and(KeyValue.of(HighCardinalityKeyNames.GROUP_ID, context.getGroupId()));
		}
		if (context.getFileCount() != null) {
			values = values.and(KeyValue.of(HighCardinalityKeyNames.FILE_COUNT, context.getFileCount().toString()));
		}
		if (context.getBytes() != null) {
			values = values.and(KeyValue.of(HighCardinalityKeyNames.BYTES, context.getBytes().toString()));
		}
		return values;
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
