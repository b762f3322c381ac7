package io.github.ucgroups.observation;

import io.micrometer.common.docs.KeyName;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.docs.ObservationDocumentation;
import org.jspecify.annotations.Nullable;

/**
 * The observation the starter records for each Uploadcare operation, and its key names.
 */
public enum UploadcareObservationDocumentation implements ObservationDocumentation {

	/** One Uploadcare operation, including its retries. */
	UPLOADCARE_OPERATION {
		@Override
		public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
			return DefaultUploadcareObservationConvention.class;
		}

		@Override
		public KeyName[] getLowCardinalityKeyNames() {
			return LowCardinalityKeyNames.values();
		}

		@Override
		public KeyName[] getHighCardinalityKeyNames() {
			return HighCardinalityKeyNames.values();
		}
	};

	/**
	 * Creates (without starting) the observation of one operation, named by the custom
	 * convention when there is one, else by {@link DefaultUploadcareObservationConvention}.
	 * @param context the operation's context
	 * @param customConvention a convention replacing the default, or {@code null}
	 * @param registry where the observation goes
	 * @return the observation
	 */
	public static Observation operation(UploadcareObservationContext context,
			@Nullable UploadcareObservationConvention customConvention, ObservationRegistry registry) {
		return UPLOADCARE_OPERATION.observation(customConvention, DEFAULT_CONVENTION, () -> context, registry);
	}

	private static final UploadcareObservationConvention DEFAULT_CONVENTION = new DefaultUploadcareObservationConvention();

	/** Keys with few values: safe as metric tags. */
	public enum LowCardinalityKeyNames implements KeyName {

		/** The operation, one of {@link UploadcareOperations}: {@code group.create}, {@code file.upload}, … */
		OPERATION {
			@Override
			public String asString() {
				return "operation";
			}
		},

		/**
		 * The outcome: {@code SUCCESS}, {@code CLIENT_ERROR}, {@code THROTTLED},
		 * {@code SERVER_ERROR} or {@code NETWORK_ERROR}.
		 */
		OUTCOME {
			@Override
			public String asString() {
				return "outcome";
			}
		},

		/** The simple class name of the exception that ended the operation, or {@code none}. */
		ERROR {
			@Override
			public String asString() {
				return "error";
			}
		}

	}

	/** Keys with many values: for traces only. */
	public enum HighCardinalityKeyNames implements KeyName {

		/** The group id involved. */
		GROUP_ID {
			@Override
			public String asString() {
				return "uploadcare.group.id";
			}
		},

		/** The number of files involved. */
		FILE_COUNT {
			@Override
			public String asString() {
				return "uploadcare.files.count";
			}
		},

		/** The number of bytes sent. */
		BYTES {
			@Override
			public String asString() {
				return "uploadcare.bytes";
			}
		},

		/** How many times the operation was retried. */
		RETRIES {
			@Override
			public String asString() {
				return "uploadcare.retries";
			}
		}

	}

}
