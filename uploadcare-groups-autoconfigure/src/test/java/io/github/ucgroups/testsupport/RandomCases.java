package io.github.ucgroups.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

import org.junit.jupiter.api.function.ThrowingConsumer;
import org.opentest4j.AssertionFailedError;

/**
 * Seeded randomised tests ("properties") in plain JUnit: a property is checked against
 * {@code cases} inputs drawn from a generator; the first input that breaks it fails the test
 * with the seed, the case number and the input in the message.
 * <p>
 * Every case gets its own {@link Random}, seeded from the property's seed, so a run is the same
 * on every machine and a failing case is reproduced by running the test again. To explore other
 * inputs, change the seed in the test (or add one); never make it depend on time.
 * <p>
 * Generators are plain {@code Function<Random, T>}; the static factories below cover what the
 * tests need (strings over an alphabet or over all of {@code char}, numbers in a range, one of
 * some values, one of some generators, lists).
 */
public final class RandomCases {

	/** Longest text of an input shown in a failure message; the seed reproduces the rest. */
	private static final int SHOWN = 1_000;

	private RandomCases() {
	}

	/**
	 * Checks {@code property} against {@code cases} inputs from {@code generator}.
	 * @param seed fixed seed of this property
	 * @param cases how many inputs to try
	 * @param generator makes one input from the random source it is given
	 * @param property throws (an assertion error or anything else) when the input breaks it
	 */
	public static <T> void check(long seed, int cases, Function<Random, T> generator, ThrowingConsumer<T> property) {
		Random seeds = new Random(seed);
		for (int i = 1; i <= cases; i++) {
			T input = generator.apply(new Random(seeds.nextLong()));
			holds(property, input, "case " + i + " of " + cases + " (seed " + seed + "L)");
		}
	}

	/**
	 * Checks {@code property} against each of {@code inputs}, for input spaces small enough to
	 * try completely; a failure names the input like {@link #check} does.
	 * @param inputs every input to try
	 * @param property throws (an assertion error or anything else) when the input breaks it
	 */
	public static <T> void checkEach(List<T> inputs, ThrowingConsumer<T> property) {
		for (int i = 0; i < inputs.size(); i++) {
			holds(property, inputs.get(i), "input " + (i + 1) + " of " + inputs.size());
		}
	}

	private static <T> void holds(ThrowingConsumer<T> property, T input, String which) {
		try {
			property.accept(input);
		}
		catch (Throwable failure) {
			throw new AssertionFailedError(
					"Property failed on " + which + ": " + failure + "\n  input: " + describe(input), failure);
		}
	}

	/** The input as readable text: control and non-ASCII characters escaped, long text cut. */
	static String describe(Object input) {
		String text = (input instanceof String string) ? "\"" + string + "\"" : String.valueOf(input);
		StringBuilder shown = new StringBuilder();
		int i = 0;
		for (; i < text.length() && shown.length() < SHOWN; i++) {
			char c = text.charAt(i);
			if (c == '\\') {
				shown.append("\\\\");
			}
			else if (c >= 0x20 && c < 0x7f) {
				shown.append(c);
			}
			else {
				shown.append(String.format("\\u%04x", (int) c));
			}
		}
		if (i < text.length()) {
			shown.append("… (").append(text.length()).append(" characters in all)");
		}
		return shown.toString();
	}

	/** Any {@code char} (surrogates and controls included), length 0 to {@code maxLength}. */
	public static Function<Random, String> strings(int maxLength) {
		return (random) -> {
			char[] chars = new char[between(random, 0, maxLength)];
			for (int i = 0; i < chars.length; i++) {
				// Mostly ASCII, where the parsers' syntax lives; the rest from all of char.
				chars[i] = random.nextInt(4) == 0 ? (char) random.nextInt(Character.MAX_VALUE + 1)
						: (char) random.nextInt(0x80);
			}
			return new String(chars);
		};
	}

	/** Characters from {@code alphabet}, length {@code minLength} to {@code maxLength}. */
	public static Function<Random, String> strings(String alphabet, int minLength, int maxLength) {
		return (random) -> {
			char[] chars = new char[between(random, minLength, maxLength)];
			for (int i = 0; i < chars.length; i++) {
				chars[i] = alphabet.charAt(random.nextInt(alphabet.length()));
			}
			return new String(chars);
		};
	}

	/** A whole number from {@code min} to {@code max}, both included, the bounds more often. */
	public static Function<Random, Integer> integers(int min, int max) {
		return (random) -> between(random, min, max);
	}

	/** One of {@code values}, each as likely. */
	@SafeVarargs
	public static <T> Function<Random, T> of(T... values) {
		return of(List.of(values));
	}

	/** One of {@code values}, each as likely. */
	public static <T> Function<Random, T> of(List<T> values) {
		return (random) -> values.get(random.nextInt(values.size()));
	}

	/** A value from one of {@code generators}, each as likely. */
	@SafeVarargs
	public static <T> Function<Random, T> oneOf(Function<Random, ? extends T>... generators) {
		return (random) -> generators[random.nextInt(generators.length)].apply(random);
	}

	/** A list of 0 to {@code maxSize} values from {@code element}. */
	public static <T> Function<Random, List<T>> lists(Function<Random, T> element, int maxSize) {
		return (random) -> {
			int size = between(random, 0, maxSize);
			List<T> list = new ArrayList<>(size);
			for (int i = 0; i < size; i++) {
				list.add(element.apply(random));
			}
			return list;
		};
	}

	/** A number from min to max; the edges (empty, shortest, longest) more often than the rest. */
	private static int between(Random random, int min, int max) {
		return switch (random.nextInt(10)) {
			case 0 -> min;
			case 1 -> max;
			default -> min + random.nextInt(max - min + 1);
		};
	}

}
