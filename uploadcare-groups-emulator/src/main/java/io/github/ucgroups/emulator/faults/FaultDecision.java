package io.github.ucgroups.emulator.faults;

import java.time.Duration;

/**
 * What {@link Faults} decided for one request.
 *
 * @param delay latency to add before anything else ({@link Duration#ZERO} for none)
 * @param kind the fault to apply after the delay
 * @param status the HTTP status for {@link Kind#THROTTLE} (429) and {@link Kind#FAIL}
 * @param retryAfter the {@code Retry-After} value for {@link Kind#THROTTLE}
 */
public record FaultDecision(Duration delay, Kind kind, int status, Duration retryAfter) {

	/** No fault at all. */
	public static final FaultDecision NONE = new FaultDecision(Duration.ZERO, Kind.NONE, 0, Duration.ZERO);

	/** The kinds of fault. */
	public enum Kind {

		/** Serve the request normally (after the delay, if any). */
		NONE,

		/** Answer 429 with {@code Retry-After}. */
		THROTTLE,

		/** Answer with a server error status. */
		FAIL,

		/** Close the connection without answering. */
		DROP

	}

}
