package io.github.ucgroups.benchmarks;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.github.ucgroups.benchmarks.Results.f;

/** Turns JMH's CSV result ({@code -rf csv}) of {@link GroupCreationJmh} into table rows. */
public final class JmhRows {

	private JmhRows() {
	}

	public static void main(String[] args) throws Exception {
		List<String> lines = Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8);
		Map<String, double[]> byName = new LinkedHashMap<>(); // name -> {score, error, B/op}
		for (String line : lines.subList(1, lines.size())) {
			String[] c = line.split(",");
			String benchmark = unquote(c[0]);
			String name = benchmark.substring(benchmark.indexOf("GroupCreationJmh.") + "GroupCreationJmh.".length());
			double score = Double.parseDouble(c[4]);
			double error = c[5].isEmpty() || c[5].equals("NaN") ? Double.NaN : Double.parseDouble(c[5]);
			double[] v = byName.computeIfAbsent(name.replaceAll(":.*", ""), (k) -> new double[] { 0, 0, Double.NaN });
			if (!name.contains(":")) {
				v[0] = score;
				v[1] = error;
			}
			else if (name.endsWith(":gc.alloc.rate.norm")) {
				v[2] = score;
			}
		}
		double[] raw = byName.get("rawJdk");
		double[] official = byName.get("official");
		for (Map.Entry<String, double[]> e : byName.entrySet()) {
			double[] v = e.getValue();
			String comparison = "";
			String target = "";
			String verdict = "";
			if (e.getKey().startsWith("ours")) {
				comparison = f("time %.2fx official, %.2fx raw; allocation %.2fx official, %.2fx raw",
						v[0] / official[0], v[0] / raw[0], v[2] / official[2], v[2] / raw[2]);
				target = "allocation per call <= official";
				verdict = Results.verdict(v[2] <= official[2]);
			}
			Results.row("1 group create, JMH -prof gc (1 thread)", e.getKey(),
					f("%.0f ± %.0f us/op, %.0f KB allocated/op", v[0], v[1], v[2] / 1024), comparison, target,
					verdict);
		}
	}

	private static String unquote(String s) {
		return s.replace("\"", "");
	}

}
