package io.github.ucgroups;

import java.util.Random;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import static io.github.ucgroups.testsupport.RandomCases.check;
import static io.github.ucgroups.testsupport.RandomCases.integers;
import static io.github.ucgroups.testsupport.RandomCases.lists;
import static io.github.ucgroups.testsupport.RandomCases.of;
import static io.github.ucgroups.testsupport.RandomCases.oneOf;
import static io.github.ucgroups.testsupport.RandomCases.strings;
import static org.assertj.core.api.Assertions.assertThat;

/** Parsers either succeed or throw IllegalArgumentException, and valid values round-trip. */
class ValueTypePropertiesTest {

	@Test
	void groupIdParseOnlyThrowsIllegalArgument() {
		check(0x6701L, 2000, texts(), (value) -> parseOrIllegalArgument(() -> GroupId.parse(value)));
	}

	@Test
	void fileRefParseOnlyThrowsIllegalArgument() {
		check(0x6702L, 2000, texts(), (value) -> parseOrIllegalArgument(() -> FileRef.parse(value)));
	}

	@Test
	void cdnOperationsParseOnlyThrowsIllegalArgument() {
		check(0x6703L, 2000, texts(), (value) -> parseOrIllegalArgument(() -> CdnOperations.parse(value)));
	}

	@Test
	void groupIdRoundTrips() {
		check(0x6704L, 500, groupIds(), (id) -> {
			assertThat(GroupId.parse(id.toString())).isEqualTo(id);
			assertThat(GroupId.isValid(id.toString())).isTrue();
		});
	}

	@Test
	void cdnOperationsRoundTrip() {
		check(0x6705L, 500, operations(), (ops) -> {
			assertThat(CdnOperations.parse(ops.toString())).isEqualTo(ops);
			assertThat(CdnOperations.parse(ops.toPath().substring(ops.isEmpty() ? 0 : 2))).isEqualTo(ops);
		});
	}

	@Test
	void fileRefRoundTrips() {
		check(0x6706L, 500, fileRefs(), (ref) -> {
			assertThat(FileRef.parse(ref.toString())).isEqualTo(ref);
			if (ref.toWireValue().contains("%")) {
				return; // a raw '%' is fine in a form field but would need percent-encoding in a URL
			}
			assertThat(FileRef.parse("https://ucarecdn.com/" + ref.toWireValue()
					+ (ref.operations().isEmpty() ? "/" : "") + "name.jpg")).isEqualTo(ref);
		});
	}

	private static void parseOrIllegalArgument(Runnable parse) {
		try {
			parse.run();
		}
		catch (IllegalArgumentException ex) {
			assertThat(ex.getMessage()).isNotBlank();
		}
	}

	private static Function<Random, String> texts() {
		Function<Random, String> pathy = strings("abcdef0123456789-~/:?#.% xX", 0, 80);
		Function<Random, String> uuidPrefixed = (random) -> uuids().apply(random) + pathy.apply(random);
		Function<Random, String> urlish = (random) -> of("http://", "https://", "HTTPS://", "https://x/").apply(random)
				+ uuidPrefixed.apply(random);
		return oneOf(strings(200), pathy, uuidPrefixed, urlish);
	}

	private static Function<Random, GroupId> groupIds() {
		return (random) -> new GroupId(uuids().apply(random), integers(1, GroupId.MAX_FILES).apply(random));
	}

	private static Function<Random, CdnOperations> operations() {
		Function<Random, String> name = (random) -> strings("abcdefghijklmnopqrstuvwxyz", 1, 8).apply(random)
				+ strings("abcxyz019_", 0, 4).apply(random);
		Function<Random, String> argument = (random) -> {
			String value;
			do {
				value = strings("AZaz09_.,:;%~+*=()-", 1, 6).apply(random);
			}
			while (value.equals(".") || value.equals("..") || value.equals("-"));
			return value;
		};
		Function<Random, String> operation = (random) -> {
			String head = name.apply(random);
			var arguments = lists(argument, 3).apply(random);
			return arguments.isEmpty() ? head : head + "/" + String.join("/", arguments);
		};
		return (random) -> new CdnOperations(lists(operation, 4).apply(random));
	}

	private static Function<Random, FileRef> fileRefs() {
		return (random) -> new FileRef(uuids().apply(random), operations().apply(random));
	}

	private static Function<Random, String> uuids() {
		String hex = "0123456789abcdefABCDEF";
		return (random) -> String.join("-", strings(hex, 8, 8).apply(random), strings(hex, 4, 4).apply(random),
				strings(hex, 4, 4).apply(random), strings(hex, 4, 4).apply(random), strings(hex, 12, 12).apply(random));
	}

}
