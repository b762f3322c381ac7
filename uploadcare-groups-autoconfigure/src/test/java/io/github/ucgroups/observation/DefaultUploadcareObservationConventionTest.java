package io.github.ucgroups.observation;

import io.micrometer.common.KeyValue;
import org.junit.jupiter.api.Test;

import io.github.ucgroups.UploadcareThrottledException;

import static org.assertj.core.api.Assertions.assertThat;

/** The default convention's key values, and overriding one key as with Spring's client convention. */
class DefaultUploadcareObservationConventionTest {

	@Test
	void defaultKeyValues() {
		UploadcareObservationContext context = new UploadcareObservationContext(UploadcareOperations.GROUP_CREATE);
		context.setFileCount(3);
		DefaultUploadcareObservationConvention convention = new DefaultUploadcareObservationConvention();
		assertThat(convention.getLowCardinalityKeyValues(context)).containsExactlyInAnyOrder(
				KeyValue.of("operation", "group.create"), KeyValue.of("outcome", "SUCCESS"), KeyValue.of("error", "none"));
		assertThat(convention.getHighCardinalityKeyValues(context)).containsExactlyInAnyOrder(
				KeyValue.of("uploadcare.retries", "0"), KeyValue.of("uploadcare.files.count", "3"));
		context.setError(new UploadcareThrottledException(UploadcareOperations.GROUP_CREATE, 429, null, "slow down", null, null));
		assertThat(convention.getLowCardinalityKeyValues(context)).contains(KeyValue.of("outcome", "THROTTLED"),
				KeyValue.of("error", "UploadcareThrottledException"));
	}

	@Test
	void oneKeyCanBeOverriddenAlone() {
		DefaultUploadcareObservationConvention renamed = new DefaultUploadcareObservationConvention() {
			@Override
			protected KeyValue operation(UploadcareObservationContext context) {
				return KeyValue.of("operation", "uc." + context.getOperation());
			}
		};
		UploadcareObservationContext context = new UploadcareObservationContext(UploadcareOperations.FILE_UPLOAD);
		assertThat(renamed.getLowCardinalityKeyValues(context)).containsExactlyInAnyOrder(
				KeyValue.of("operation", "uc.file.upload"), KeyValue.of("outcome", "SUCCESS"),
				KeyValue.of("error", "none"));
		assertThat(renamed.getName()).isEqualTo("uploadcare.operations");
	}

}
