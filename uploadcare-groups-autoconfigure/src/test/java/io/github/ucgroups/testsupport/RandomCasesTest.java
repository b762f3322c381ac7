package io.github.ucgroups.testsupport;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The helper itself: the same inputs for the same seed, and a failure that names seed and input. */
class RandomCasesTest {

	@Test
	void sameSeedGivesTheSameInputsAndAnotherSeedOthers() {
		assertThat(inputs(42L)).hasSize(50).isEqualTo(inputs(42L)).isNotEqualTo(inputs(43L));
	}

	@Test
	void failureNamesCaseSeedAndEscapedInput() {
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> RandomCases.check(7L, 100, RandomCases.integers(0, 1000),
					(n) -> assertThat(n).as("small").isLessThan(500)))
			.satisfies((error) -> assertThat(error.getMessage()).matches("(?s)Property failed on case \\d+ of 100 "
					+ "\\(seed 7L\\): java.lang.AssertionError: \\[small\\].*\\n  input: \\d+"))
			.extracting(Throwable::getCause)
			.isInstanceOf(AssertionError.class);
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> RandomCases.checkEach(List.of("ok", "bad\u0000\n"), (text) -> {
				if (text.startsWith("bad")) {
					throw new IllegalStateException("refused");
				}
			}))
			.withMessage("Property failed on input 2 of 2: java.lang.IllegalStateException: refused\n"
					+ "  input: \"bad\\u0000\\u000a\"");
	}

	@Test
	void longInputsAreCutInTheMessage() {
		assertThat(RandomCases.describe("x".repeat(5_000))).hasSizeLessThan(1_100).endsWith("(5002 characters in all)");
	}

	private static List<String> inputs(long seed) {
		List<String> seen = new ArrayList<>();
		RandomCases.check(seed, 50, RandomCases.strings(20), seen::add);
		return seen;
	}

}
