package io.github.ucgroups;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class FileRefTest {

	private static final String UUID = "94a2218e-3526-428a-945e-65fbc06e7b35";

	@Test
	void parsesPlainUuid() {
		FileRef ref = FileRef.parse(UUID);
		assertThat(ref.uuid()).isEqualTo(UUID);
		assertThat(ref.operations().isEmpty()).isTrue();
		assertThat(ref.toWireValue()).isEqualTo(UUID);
	}

	@Test
	void normalisesUpperCaseAndWhitespace() {
		assertThat(FileRef.parse("  " + UUID.toUpperCase() + " \n")).isEqualTo(FileRef.of(UUID));
	}

	@Test
	void parsesUuidWithOperations() {
		FileRef ref = FileRef.parse(UUID + "/-/resize/x800/");
		assertThat(ref.uuid()).isEqualTo(UUID);
		assertThat(ref.operations().operations()).containsExactly("resize/x800");
		assertThat(ref.toWireValue()).isEqualTo(UUID + "/-/resize/x800/");
	}

	@Test
	void parsesUuidWithSeveralOperations() {
		FileRef ref = FileRef.parse(UUID + "/-/resize/x800/-/quality/smart/");
		assertThat(ref.operations().operations()).containsExactly("resize/x800", "quality/smart");
		assertThat(ref.toWireValue()).isEqualTo(UUID + "/-/resize/x800/-/quality/smart/");
	}

	@Test
	void parsesUuidWithTrailingSlash() {
		assertThat(FileRef.parse(UUID + "/")).isEqualTo(FileRef.of(UUID));
	}

	@Test
	void parsesCdnUrl() {
		assertThat(FileRef.parse("https://ucarecdn.com/" + UUID + "/")).isEqualTo(FileRef.of(UUID));
		assertThat(FileRef.parse("https://ucarecdn.com/" + UUID)).isEqualTo(FileRef.of(UUID));
	}

	@Test
	void parsesCdnUrlWithOperationsAndTrailingFileName() {
		FileRef ref = FileRef.parse("https://ucarecdn.com/" + UUID + "/-/resize/x800/-/quality/smart/photo.jpg");
		assertThat(ref.uuid()).isEqualTo(UUID);
		assertThat(ref.operations().operations()).containsExactly("resize/x800", "quality/smart");
		assertThat(ref.toWireValue()).isEqualTo(UUID + "/-/resize/x800/-/quality/smart/");
	}

	@Test
	void parsesCdnUrlWithFileNameOnly() {
		assertThat(FileRef.parse("https://abc123.ucarecd.net/" + UUID + "/photo.jpg")).isEqualTo(FileRef.of(UUID));
	}

	@Test
	void rejectsUrlWithQueryNamingIt() {
		String url = "https://ucarecdn.com/" + UUID + "/?token=abc";
		assertThatIllegalArgumentException().isThrownBy(() -> FileRef.parse(url)).withMessageContaining(url);
	}

	@Test
	void rejectsUrlWithFragment() {
		String url = "https://ucarecdn.com/" + UUID + "/#x";
		assertThatIllegalArgumentException().isThrownBy(() -> FileRef.parse(url)).withMessageContaining(url);
	}

	@ParameterizedTest
	@ValueSource(strings = { "garbage", "94a2218e-3526-428a-945e-65fbc06e7b3", UUID + "x", UUID + "/resize/x800/",
			UUID + "/-/resize/x 800/", UUID + "/-/../", UUID + "/-/resize/x800?/", "https://ucarecdn.com/",
			"https://ucarecdn.com/not-a-uuid/", "ftp://ucarecdn.com/" + UUID + "/" })
	void rejectsGarbageNamingIt(String value) {
		assertThatIllegalArgumentException().isThrownBy(() -> FileRef.parse(value)).withMessageContaining(value);
	}

	@Test
	void rejectsBlankAndNull() {
		assertThatIllegalArgumentException().isThrownBy(() -> FileRef.parse(" "));
		assertThatIllegalArgumentException().isThrownBy(() -> FileRef.parse(null));
	}

	@Test
	void parseAllNamesThePositionOfTheBadEntry() {
		assertThatIllegalArgumentException().isThrownBy(() -> FileRef.parseAll(List.of(UUID, UUID, "bogus")))
			.withMessageContaining("files[2]")
			.withMessageContaining("bogus");
	}

	@Test
	void withOperationsAppends() {
		FileRef ref = FileRef.of(UUID).withOperations("resize/x800").withOperations(CdnOperations.parse("-/preview/"));
		assertThat(ref.toWireValue()).isEqualTo(UUID + "/-/resize/x800/-/preview/");
		assertThat(ref).hasToString(ref.toWireValue());
	}

	@Test
	void cdnUrlBelowAPathPrefixIsRead() {
		FileRef ref = FileRef.parse("http://127.0.0.1:8080/cdn/94a2218e-3526-428a-945e-65fbc06e7b35/-/resize/x800/a.png");
		assertThat(ref.uuid()).isEqualTo("94a2218e-3526-428a-945e-65fbc06e7b35");
		assertThat(ref.toWireValue()).isEqualTo("94a2218e-3526-428a-945e-65fbc06e7b35/-/resize/x800/");
		assertThatIllegalArgumentException().isThrownBy(() -> FileRef.parse("https://ucarecdn.com/cdn/nothing/"))
			.withMessageContaining("https://ucarecdn.com/cdn/nothing/");
	}

}
