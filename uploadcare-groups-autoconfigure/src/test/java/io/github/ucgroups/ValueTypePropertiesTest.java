package io.github.ucgroups;

import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;

/** Parsers either succeed or throw IllegalArgumentException, and valid values round-trip. */
class ValueTypePropertiesTest {

	@Property(tries = 2000)
	void groupIdParseOnlyThrowsIllegalArgument(@ForAll("texts") String value) {
		parseOrIllegalArgument(() -> GroupId.parse(value));
	}

	@Property(tries = 2000)
	void fileRefParseOnlyThrowsIllegalArgument(@ForAll("texts") String value) {
		parseOrIllegalArgument(() -> FileRef.parse(value));
	}

	@Property(tries = 2000)
	void cdnOperationsParseOnlyThrowsIllegalArgument(@ForAll("texts") String value) {
		parseOrIllegalArgument(() -> CdnOperations.parse(value));
	}

	@Property(tries = 500)
	void groupIdRoundTrips(@ForAll("groupIds") GroupId id) {
		assertThat(GroupId.parse(id.toString())).isEqualTo(id);
		assertThat(GroupId.isValid(id.toString())).isTrue();
	}

	@Property(tries = 500)
	void cdnOperationsRoundTrip(@ForAll("operations") CdnOperations ops) {
		assertThat(CdnOperations.parse(ops.toString())).isEqualTo(ops);
		assertThat(CdnOperations.parse(ops.toPath().substring(ops.isEmpty() ? 0 : 2))).isEqualTo(ops);
	}

	@Property(tries = 500)
	void fileRefRoundTrips(@ForAll("fileRefs") FileRef ref) {
		assertThat(FileRef.parse(ref.toString())).isEqualTo(ref);
		if (ref.toWireValue().contains("%")) {
			return; // a raw '%' is fine in a form field but would need percent-encoding in a URL
		}
		assertThat(FileRef.parse("https://ucarecdn.com/" + ref.toWireValue() + (ref.operations().isEmpty() ? "/" : "")
				+ "name.jpg")).isEqualTo(ref);
	}

	private static void parseOrIllegalArgument(Runnable parse) {
		try {
			parse.run();
		}
		catch (IllegalArgumentException ex) {
			assertThat(ex.getMessage()).isNotBlank();
		}
	}

	@Provide
	Arbitrary<String> texts() {
		Arbitrary<String> any = Arbitraries.strings().ofMaxLength(200);
		Arbitrary<String> pathy = Arbitraries.strings().withChars("abcdef0123456789-~/:?#.% xX").ofMaxLength(80);
		Arbitrary<String> uuidPrefixed = Combinators.combine(uuids(), pathy).as((u, p) -> u + p);
		Arbitrary<String> urlish = Combinators.combine(Arbitraries.of("http://", "https://", "HTTPS://", "https://x/"),
				uuidPrefixed).as((s, p) -> s + p);
		return Arbitraries.oneOf(any, pathy, uuidPrefixed, urlish);
	}

	@Provide
	Arbitrary<GroupId> groupIds() {
		return Combinators.combine(uuids(), Arbitraries.integers().between(1, GroupId.MAX_FILES)).as(GroupId::new);
	}

	@Provide
	Arbitrary<CdnOperations> operations() {
		Arbitrary<String> name = Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(8)
			.flatMap((head) -> Arbitraries.strings().withChars("abcxyz019_").ofMaxLength(4).map((tail) -> head + tail));
		Arbitrary<String> argument = Arbitraries.strings().withChars("AZaz09_.,:;%~+*=()-").ofMinLength(1).ofMaxLength(6)
			.filter((a) -> !a.equals(".") && !a.equals("..") && !a.equals("-"));
		Arbitrary<String> operation = Combinators.combine(name, argument.list().ofMaxSize(3))
			.as((n, args) -> args.isEmpty() ? n : n + "/" + String.join("/", args));
		return operation.list().ofMaxSize(4).map(CdnOperations::new);
	}

	@Provide
	Arbitrary<FileRef> fileRefs() {
		return Combinators.combine(uuids(), operations()).as(FileRef::new);
	}

	private static Arbitrary<String> uuids() {
		net.jqwik.api.arbitraries.StringArbitrary hex = Arbitraries.strings().withChars("0123456789abcdefABCDEF");
		return Combinators.combine(hex.ofLength(8), hex.ofLength(4), hex.ofLength(4), hex.ofLength(4), hex.ofLength(12))
			.as((a, b, c, d, e) -> String.join("-", List.of(a, b, c, d, e)));
	}

}
