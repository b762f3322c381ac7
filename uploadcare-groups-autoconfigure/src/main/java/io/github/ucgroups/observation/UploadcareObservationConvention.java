package io.github.ucgroups.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names and tags observations of Uploadcare operations. Define a bean of this type to replace
 * {@link DefaultUploadcareObservationConvention}.
 */
public interface UploadcareObservationConvention extends ObservationConvention<UploadcareObservationContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof UploadcareObservationContext;
	}

}
