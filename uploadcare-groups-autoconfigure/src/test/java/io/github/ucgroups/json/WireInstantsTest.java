package io.github.ucgroups.json;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.github.ucgroups.testsupport.RandomCases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The hand-written fast path reads exactly what {@link Instant#parse} reads, and refuses the rest alike. */
class WireInstantsTest {

	@Test
	void readsUploadcaresFormsLikeInstantParse() {
		RandomCases.check(0x71AEL, 5_000, (random) -> {
			Instant instant = Instant.ofEpochSecond(random.nextLong(-2_000_000_000L, 8_000_000_000L),
					random.nextInt(1_000_000_000));
			String text = instant.toString(); // 0, 3, 6 or 9 fraction digits
			int cut = random.nextInt(4);
			if (cut > 0 && text.indexOf('.') > 0) {
				// 1 to 9 digits, as other producers write them
				int dot = text.indexOf('.');
				int digits = Math.max(1, Math.min(9, text.length() - dot - 2 - cut));
				text = text.substring(0, dot + 1 + digits) + "Z";
			}
			return text;
		}, (text) -> assertThat(WireInstants.parse(text)).isEqualTo(Instant.parse(text)));
	}

	@Test
	void realSamplesAndOtherFormsAgreeWithInstantParse() {
		RandomCases.checkEach(List.of("2015-09-21T12:00:20.715654Z", "2026-12-01T18:20:39Z", "2024-02-29T23:59:59.9Z",
				"2024-05-01T12:00:20.123456789Z", "2024-05-01T12:00:20+02:00", "2024-05-01T12:00:20.5+00:00", "2024-05-01T24:00:00Z",
				"2024-05-01T12:00:00.Z"),
				(text) -> assertThat(WireInstants.parse(text)).isEqualTo(Instant.parse(text)));
	}

	@Test
	void refusesWhatInstantParseRefuses() {
		RandomCases.checkEach(List.of("2023-02-29T12:00:00Z", "2024-13-01T12:00:00Z",
				"2024-05-01T12:60:00Z", "2024-05-01T12:00:00.1234567890Z",
				"2024-05-01 12:00:00Z", "2024-05-01T12:00:00", "20x4-05-01T12:00:00Z", "2024-05-01T12:00:0aZ", ""),
				(text) -> assertThatExceptionOfType(DateTimeParseException.class)
					.isThrownBy(() -> WireInstants.parse(text)));
	}

}
