package io.github.ucgroups.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Rows of the final table, appended to a tab-separated file ({@code -Dbench.results=...},
 * {@code target/bench-results.tsv} by default) so that scenarios can run in separate JVMs;
 * {@link Report} prints them as one table.
 */
public final class Results {

	public static final String[] HEADER = { "scenario", "case", "result", "comparison", "target", "verdict" };

	private Results() {
	}

	public static Path file() {
		return Path.of(System.getProperty("bench.results", "target/bench-results.tsv"));
	}

	public static void row(String scenario, String kase, String result, String comparison, String target,
			String verdict) {
		String line = String.join("\t", scenario, kase, result, comparison, target, verdict) + "\n";
		System.out.print("  " + line.replace('\t', '|'));
		try {
			Path file = file();
			if (file.getParent() != null) {
				Files.createDirectories(file.getParent());
			}
			Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
					StandardOpenOption.APPEND);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static String f(String format, Object... args) {
		return String.format(Locale.ROOT, format, args);
	}

	public static String verdict(boolean met) {
		return met ? "MET" : "MISSED";
	}

	public static List<String[]> read() throws IOException {
		List<String[]> rows = new ArrayList<>();
		if (Files.exists(file())) {
			for (String line : Files.readAllLines(file(), StandardCharsets.UTF_8)) {
				if (!line.isBlank()) {
					rows.add(line.split("\t", -1));
				}
			}
		}
		return rows;
	}

}
