package io.github.ucgroups.http;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.github.ucgroups.testsupport.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

class RetryAfterTest {

	private final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T10:00:00Z"));

	@Test
	void readsSeconds() {
		assertThat(RetryAfter.parse("5", this.clock)).isEqualTo(Duration.ofSeconds(5));
		assertThat(RetryAfter.parse(" 0 ", this.clock)).isEqualTo(Duration.ZERO);
	}

	@Test
	void readsHttpDate() {
		assertThat(RetryAfter.parse("Fri, 27 Nov 2026 10:00:30 GMT", this.clock)).isEqualTo(Duration.ofSeconds(30));
		assertThat(RetryAfter.parse("Fri, 27 Nov 2026 09:00:00 GMT", this.clock)).isEqualTo(Duration.ZERO);
	}

	@Test
	void ignoresNonsense() {
		assertThat(RetryAfter.parse(null, this.clock)).isNull();
		assertThat(RetryAfter.parse("", this.clock)).isNull();
		assertThat(RetryAfter.parse("soon", this.clock)).isNull();
		assertThat(RetryAfter.parse("-5", this.clock)).isNull();
		assertThat(RetryAfter.parse("99999999999999999999999", this.clock)).isNull();
	}

}
