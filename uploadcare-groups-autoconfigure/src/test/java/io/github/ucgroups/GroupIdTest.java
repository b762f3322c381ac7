package io.github.ucgroups;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class GroupIdTest {

	private static final String UUID = "d496a4df-0b36-4281-8156-268ae9524d4a";

	@Test
	void parsesValidId() {
		GroupId id = GroupId.parse(UUID + "~1");
		assertThat(id.uuid()).isEqualTo(UUID);
		assertThat(id.filesCount()).isEqualTo(1);
		assertThat(id).hasToString(UUID + "~1");
	}

	@Test
	void parsesLargestCount() {
		assertThat(GroupId.parse(UUID + "~1000").filesCount()).isEqualTo(1000);
	}

	@Test
	void normalisesUpperCase() {
		GroupId id = GroupId.parse(UUID.toUpperCase() + "~3");
		assertThat(id.uuid()).isEqualTo(UUID);
		assertThat(id).isEqualTo(GroupId.parse(UUID + "~3"));
	}

	@Test
	void ignoresSurroundingWhitespace() {
		assertThat(GroupId.parse("  " + UUID + "~2\n\t")).isEqualTo(new GroupId(UUID, 2));
	}

	@ParameterizedTest
	@ValueSource(strings = { "~0", "~1001", "~9999", "~-1", "~", "", "~1~1", "~1/", "~01a" })
	void rejectsBadCountsAndSuffixesNamingTheValue(String suffix) {
		String value = UUID + suffix;
		assertThatIllegalArgumentException().isThrownBy(() -> GroupId.parse(value))
			.withMessageContaining(value);
	}

	@ParameterizedTest
	@ValueSource(strings = { "not-a-group", "d496a4df-0b36-4281-8156-268ae9524d4~1", "g496a4df-0b36-4281-8156-268ae9524d4a~1",
			"d496a4df0b3642818156268ae9524d4a~1", "https://ucarecdn.com/d496a4df-0b36-4281-8156-268ae9524d4a~1/",
			"d496a4df-0b36-4281-8156-268ae9524d4a ~1" })
	void rejectsMalformedIdsNamingTheValue(String value) {
		assertThatIllegalArgumentException().isThrownBy(() -> GroupId.parse(value)).withMessageContaining(value);
	}

	@Test
	void rejectsBlankAndNull() {
		assertThatIllegalArgumentException().isThrownBy(() -> GroupId.parse("   "));
		assertThatIllegalArgumentException().isThrownBy(() -> GroupId.parse(null));
	}

	@Test
	void abbreviatesHugeInput() {
		String huge = "x".repeat(100_000);
		assertThatIllegalArgumentException().isThrownBy(() -> GroupId.parse(huge))
			.satisfies((ex) -> assertThat(ex.getMessage()).hasSizeLessThan(1_000).contains("xxxxxxxxxx").contains("..."));
	}

	@Test
	void makesControlCharactersVisible() {
		assertThatIllegalArgumentException().isThrownBy(() -> GroupId.parse("bad\u0000id"))
			.withMessageContaining("bad\\u0000id");
	}

	@Test
	void isValidAgreesWithParse() {
		assertThat(GroupId.isValid(UUID + "~1")).isTrue();
		assertThat(GroupId.isValid(UUID + "~0")).isFalse();
		assertThat(GroupId.isValid(UUID + "~1001")).isFalse();
		assertThat(GroupId.isValid("nope")).isFalse();
		assertThat(GroupId.isValid(null)).isFalse();
	}

	@Test
	void constructorChecksParts() {
		assertThatIllegalArgumentException().isThrownBy(() -> new GroupId("nope", 1)).withMessageContaining("nope");
		assertThatIllegalArgumentException().isThrownBy(() -> new GroupId(UUID, 0));
		assertThatIllegalArgumentException().isThrownBy(() -> new GroupId(UUID, 1001));
	}

}
