package io.github.ucgroups.emulator.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;

/**
 * Scriptable, deterministic fault injection. Each rule matches requests whose path starts with
 * a prefix (Upload API paths as sent, {@code /group/}, {@code /s3-part/}; REST API paths
 * prefixed with {@code /rest}, {@code /rest/groups/}; CDN paths with {@code /cdn}; {@code "/"}
 * matches everything) and applies to the next {@code times}
 * matching requests, or to all of them. Latency rules add up and apply first; then the oldest
 * matching throttle, failure or drop rule with requests left is used up by one.
 * <p>
 * Example: {@code emulator.faults().throttle("/group/", 2).fail("/group/info/", 1, 503);}
 * <p>
 * Safe for concurrent use.
 */
public final class Faults {

	/** The {@code Retry-After} used when a throttle rule does not give one. */
	public static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(1);

	private static final int ALWAYS = -1;

	private final List<Rule> rules = new ArrayList<>();

	private int fromUrlFailures;

	/**
	 * Answers the next {@code times} requests matching the path with 429, {@code Retry-After: 1}
	 * and {@code Request was throttled.}.
	 * @param pathPrefix the path prefix, e.g. {@code /group/}
	 * @param times how many requests to throttle
	 * @return this, for chaining
	 */
	public Faults throttle(String pathPrefix, int times) {
		return throttle(pathPrefix, times, DEFAULT_RETRY_AFTER);
	}

	/**
	 * Answers the next {@code times} requests matching the path with 429 and the given
	 * {@code Retry-After} (whole seconds, rounded up).
	 * @param pathPrefix the path prefix
	 * @param times how many requests to throttle
	 * @param retryAfter the advertised wait
	 * @return this, for chaining
	 */
	public Faults throttle(String pathPrefix, int times, Duration retryAfter) {
		return add(new Rule(pathPrefix, FaultDecision.Kind.THROTTLE, 429, retryAfter, Duration.ZERO, checked(times)));
	}

	/**
	 * Answers the next {@code times} requests matching the path with a server error.
	 * @param pathPrefix the path prefix
	 * @param times how many requests to fail
	 * @param status the status, 500 to 599
	 * @return this, for chaining
	 */
	public Faults fail(String pathPrefix, int times, int status) {
		if (status < 500 || status > 599) {
			throw new IllegalArgumentException("status must be a 5xx code, was " + status);
		}
		return add(new Rule(pathPrefix, FaultDecision.Kind.FAIL, status, Duration.ZERO, Duration.ZERO, checked(times)));
	}

	/**
	 * Closes the connection without any response for the next {@code times} requests matching
	 * the path (the request body is not read).
	 * @param pathPrefix the path prefix
	 * @param times how many connections to drop
	 * @return this, for chaining
	 */
	public Faults drop(String pathPrefix, int times) {
		return add(new Rule(pathPrefix, FaultDecision.Kind.DROP, 0, Duration.ZERO, Duration.ZERO, checked(times)));
	}

	/**
	 * Delays every request matching the path until {@link #reset()}.
	 * @param pathPrefix the path prefix
	 * @param latency the delay
	 * @return this, for chaining
	 */
	public Faults delay(String pathPrefix, Duration latency) {
		return add(new Rule(pathPrefix, FaultDecision.Kind.NONE, 0, Duration.ZERO, latency, ALWAYS));
	}

	/**
	 * Delays the next {@code times} requests matching the path.
	 * @param pathPrefix the path prefix
	 * @param latency the delay
	 * @param times how many requests to delay
	 * @return this, for chaining
	 */
	public Faults delay(String pathPrefix, Duration latency, int times) {
		return add(new Rule(pathPrefix, FaultDecision.Kind.NONE, 0, Duration.ZERO, latency, checked(times)));
	}

	/**
	 * Makes the next {@code times} uploads from URLs end as {@code {"status":"failed"}} in
	 * {@code /from_url/status/} (a terminal state one official client knows, beside
	 * {@code error}), without fetching their source.
	 * @param times how many uploads from URLs fail
	 * @return this, for chaining
	 */
	public synchronized Faults failFromUrlUploads(int times) {
		this.fromUrlFailures += checked(times);
		return this;
	}

	/**
	 * Uses up one {@link #failFromUrlUploads(int)} failure, if any is left. Called by the
	 * emulator's server when an upload from a URL starts.
	 * @return whether that upload must fail
	 */
	public synchronized boolean nextFromUrlFailure() {
		if (this.fromUrlFailures == 0) {
			return false;
		}
		this.fromUrlFailures--;
		return true;
	}

	/** Removes every rule. */
	public synchronized void reset() {
		this.rules.clear();
		this.fromUrlFailures = 0;
	}

	/**
	 * Tells whether rules with requests left remain (latency rules without a count always do).
	 * @return {@code true} if some rule is still active
	 */
	public synchronized boolean hasPending() {
		return !this.rules.isEmpty() || this.fromUrlFailures > 0;
	}

	/**
	 * Decides, and uses up, the faults for one request. Called by the emulator's server.
	 * @param path the request path
	 * @return the decision
	 */
	public synchronized FaultDecision next(String path) {
		Duration delay = Duration.ZERO;
		Rule chosen = null;
		for (Iterator<Rule> it = this.rules.iterator(); it.hasNext();) {
			Rule rule = it.next();
			if (!path.startsWith(rule.pathPrefix)) {
				continue;
			}
			if (rule.kind == FaultDecision.Kind.NONE) {
				delay = delay.plus(rule.latency);
			}
			else if (chosen == null) {
				chosen = rule;
			}
			else {
				continue;
			}
			if (rule.remaining != ALWAYS && --rule.remaining == 0) {
				it.remove();
			}
		}
		if (chosen == null) {
			return delay.isZero() ? FaultDecision.NONE
					: new FaultDecision(delay, FaultDecision.Kind.NONE, 0, Duration.ZERO);
		}
		return new FaultDecision(delay, chosen.kind, chosen.status, chosen.retryAfter);
	}

	private synchronized Faults add(Rule rule) {
		this.rules.add(rule);
		return this;
	}

	private static int checked(int times) {
		if (times < 1) {
			throw new IllegalArgumentException("times must be at least 1, was " + times);
		}
		return times;
	}

	private static final class Rule {

		final String pathPrefix;

		final FaultDecision.Kind kind;

		final int status;

		final Duration retryAfter;

		final Duration latency;

		int remaining;

		Rule(String pathPrefix, FaultDecision.Kind kind, int status, Duration retryAfter, Duration latency,
				int remaining) {
			this.pathPrefix = Objects.requireNonNull(pathPrefix, "pathPrefix must not be null");
			this.kind = kind;
			this.status = status;
			this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter must not be null");
			this.latency = Objects.requireNonNull(latency, "latency must not be null");
			this.remaining = remaining;
		}

	}

}
