package io.github.ucgroups.testsupport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** A clock that tests move by hand, or that moves on by a fixed step at every reading. */
public final class MutableClock extends Clock {

	private final AtomicReference<Instant> now;

	private final Duration stepPerReading;

	public MutableClock(Instant now) {
		this(now, Duration.ZERO);
	}

	private MutableClock(Instant now, Duration stepPerReading) {
		this.now = new AtomicReference<>(now);
		this.stepPerReading = stepPerReading;
	}

	/**
	 * A clock whose every reading is {@code step} later than the one before, the first one being
	 * {@code start}.
	 * @param start the first reading
	 * @param step how far each reading moves the clock on
	 * @return the clock
	 */
	public static MutableClock ticking(Instant start, Duration step) {
		return new MutableClock(start, step);
	}

	public static MutableClock at(long epochSecond) {
		return new MutableClock(Instant.ofEpochSecond(epochSecond));
	}

	public void advance(Duration duration) {
		this.now.updateAndGet((instant) -> instant.plus(duration));
	}

	public void set(Instant instant) {
		this.now.set(instant);
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return this;
	}

	@Override
	public Instant instant() {
		return this.now.getAndUpdate((instant) -> instant.plus(this.stepPerReading));
	}

}
