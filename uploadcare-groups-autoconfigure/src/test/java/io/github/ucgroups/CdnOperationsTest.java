package io.github.ucgroups;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CdnOperationsTest {

	@Test
	void parsesUrlForm() {
		assertThat(CdnOperations.parse("-/resize/x800/-/quality/smart/").operations())
			.containsExactly("resize/x800", "quality/smart");
	}

	@Test
	void parsesDefaultEffectsForm() {
		assertThat(CdnOperations.parse("resize/x800/-/quality/smart/").operations())
			.containsExactly("resize/x800", "quality/smart");
	}

	@Test
	void parsesSingleOperationWithoutSlashes() {
		assertThat(CdnOperations.parse("resize/x800").operations()).containsExactly("resize/x800");
		assertThat(CdnOperations.parse("preview").operations()).containsExactly("preview");
	}

	@Test
	void allFormsAgree() {
		CdnOperations expected = new CdnOperations(List.of("resize/x800", "quality/smart"));
		assertThat(CdnOperations.parse("/-/resize/x800/-/quality/smart/")).isEqualTo(expected);
		assertThat(CdnOperations.parse("-/resize/x800/-/quality/smart")).isEqualTo(expected);
		assertThat(CdnOperations.of("resize/x800", "-/quality/smart/")).isEqualTo(expected);
	}

	@Test
	void blankAndNullAreNone() {
		assertThat(CdnOperations.parse(null)).isEqualTo(CdnOperations.NONE);
		assertThat(CdnOperations.parse("  ")).isEqualTo(CdnOperations.NONE);
		assertThat(CdnOperations.parse("-/")).isEqualTo(CdnOperations.NONE);
		assertThat(CdnOperations.NONE.toPath()).isEmpty();
	}

	@Test
	void toPathGivesUrlForm() {
		CdnOperations ops = CdnOperations.parse("resize/x800/-/quality/smart/");
		assertThat(ops.toPath()).isEqualTo("-/resize/x800/-/quality/smart/");
		assertThat(ops).hasToString("-/resize/x800/-/quality/smart/");
	}

	@Test
	void thenAppends() {
		CdnOperations ops = CdnOperations.parse("resize/x800").then(CdnOperations.parse("preview"));
		assertThat(ops.operations()).containsExactly("resize/x800", "preview");
		assertThat(ops.then(CdnOperations.NONE)).isSameAs(ops);
	}

	@ParameterizedTest
	@ValueSource(strings = { "resize/x800?/", "-/resize/x800/?a=b", "resize/x800#frag", "resize/x 800",
			"-/resize/../", "-/resize/x800/-/../", "-/../etc/", "-/Resize/x800/", "-/1resize/", "-/resize//x800/",
			"-/resize/x800/-/-/", "-/resize/ä/" })
	void rejectsMalformedNamingTheValue(String value) {
		assertThatIllegalArgumentException().isThrownBy(() -> CdnOperations.parse(value))
			.withMessageContaining(value.strip());
	}

	@Test
	void constructorRejectsEmptyAndDotSegments() {
		assertThatIllegalArgumentException().isThrownBy(() -> new CdnOperations(List.of("")));
		assertThatIllegalArgumentException().isThrownBy(() -> new CdnOperations(List.of("resize/.")));
		assertThatIllegalArgumentException().isThrownBy(() -> new CdnOperations(List.of("resize/x800/")));
		// a lone "-" argument would read as an operation separator, so it could not round-trip
		assertThatIllegalArgumentException().isThrownBy(() -> new CdnOperations(List.of("crop/-")));
		assertThatIllegalArgumentException().isThrownBy(() -> new CdnOperations(List.of("crop/-/10x10")));
	}

	@Test
	void isImmutable() {
		CdnOperations ops = CdnOperations.parse("resize/x800");
		assertThatThrownByMutation(ops.operations());
	}

	private static void assertThatThrownByMutation(List<String> list) {
		org.assertj.core.api.Assertions.assertThatExceptionOfType(UnsupportedOperationException.class)
			.isThrownBy(() -> list.add("x"));
	}

}
