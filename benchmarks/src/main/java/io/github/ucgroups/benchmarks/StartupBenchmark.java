package io.github.ucgroups.benchmarks;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.github.ucgroups.benchmarks.Results.f;

/**
 * Scenario 4: startup of a minimal Spring MVC app with and without the starter, each in N fresh
 * JVMs, alternating. Class paths come from {@code benchmarks/startup/pom.xml} (run.sh writes them):
 * {@code -Dbench.cpWithout=file}, {@code -Dbench.cpWith=file}; the app's classes from
 * {@code -Dbench.appClasses=dir}.
 */
public final class StartupBenchmark {

	private StartupBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int runs = Integer.getInteger("bench.runs", 7);
		String appClasses = System.getProperty("bench.appClasses", "target/classes");
		Map<String, String> classpaths = new LinkedHashMap<>();
		classpaths.put("without starter", appClasses + ":" + Files.readString(Path.of(System.getProperty("bench.cpWithout"))).trim());
		classpaths.put("with starter", appClasses + ":" + Files.readString(Path.of(System.getProperty("bench.cpWith"))).trim());
		Map<String, List<Double>> ready = new LinkedHashMap<>();
		Map<String, List<Double>> sinceJvm = new LinkedHashMap<>();
		Map<String, Long> beans = new LinkedHashMap<>();
		for (int run = -1; run < runs; run++) { // run -1 warms the OS file cache
			for (Map.Entry<String, String> e : classpaths.entrySet()) {
				long[] result = start(e.getValue());
				if (run >= 0) {
					ready.computeIfAbsent(e.getKey(), (k) -> new ArrayList<>()).add((double) result[0]);
					sinceJvm.computeIfAbsent(e.getKey(), (k) -> new ArrayList<>()).add((double) result[1]);
					beans.put(e.getKey(), result[2]);
				}
			}
		}
		double without = Stats.median(ready.get("without starter"));
		double withStarter = Stats.median(ready.get("with starter"));
		double withoutJvm = Stats.median(sinceJvm.get("without starter"));
		double withJvm = Stats.median(sinceJvm.get("with starter"));
		for (String key : classpaths.keySet()) {
			String comparison = key.equals("with starter")
					? f("+%.0f ms (%.2fx) context, +%.0f ms since JVM start", withStarter - without,
							withStarter / without, withJvm - withoutJvm)
					: "";
			Results.row("4 startup (minimal MVC app)", key,
					f("ready in %.0f ms, %.0f ms since JVM start (medians of %d JVMs; %d uploadcare beans)",
							Stats.median(ready.get(key)), Stats.median(sinceJvm.get(key)), runs, beans.get(key)),
					comparison, "(no target: report)", "");
		}
	}

	private static long[] start(String classpath) throws Exception {
		String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		ProcessBuilder builder = new ProcessBuilder(javaBin, "-Xmx256m", "-cp", classpath,
				"io.github.ucgroups.benchmarks.startup.StartupApp", "--server.port=0",
				"--uploadcare.public-key=demopublickey", "--uploadcare.upload-url=http://127.0.0.1:9",
				"--logging.level.root=WARN", "--spring.main.banner-mode=off");
		builder.redirectErrorStream(true);
		Process process = builder.start();
		String found = null;
		StringBuilder output = new StringBuilder();
		try (BufferedReader out = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = out.readLine()) != null) {
				output.append(line).append('\n');
				if (line.startsWith("STARTUP ")) {
					found = line;
				}
			}
		}
		process.waitFor();
		if (found == null) {
			throw new IllegalStateException("The app did not start:\n" + output);
		}
		String[] parts = found.split(" ");
		return new long[] { Long.parseLong(parts[1]), Long.parseLong(parts[2]), Long.parseLong(parts[3]) };
	}

}
