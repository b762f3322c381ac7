package io.github.ucgroups.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.ucgroups.FileRef;

import com.uploadcare.api.Client;

import static io.github.ucgroups.benchmarks.Results.f;

/**
 * Scenario 1: creating a group of 10 seeded files, at concurrency 1 and 32, with our
 * GroupService, the raw JDK HttpClient and the official client, in the same run against one
 * emulator (in its own JVM). Rounds are interleaved so that drift on a shared machine hits every
 * client alike; latency percentiles pool all rounds, throughput is the median of the rounds.
 */
public final class GroupCreationBenchmark {

	private GroupCreationBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		long warmupMs = Long.getLong("bench.warmupMs", 3000);
		long roundMs = Long.getLong("bench.roundMs", 2000);
		int rounds = Integer.getInteger("bench.rounds", 3);
		List<String> engines = List.of(System.getProperty("bench.engines", "http-components,jdk").split(","));
		Map<String, OurClient> ours = new LinkedHashMap<>();
		try (EmulatorProcess emulator = EmulatorProcess.start(0, 10)) {
			for (String engine : engines) {
				ours.put(engine, OurClient.start(emulator, Map.of("uploadcare.http.client-factory", engine)));
			}
			List<String> files = emulator.seeded();
			Wire raw = new Wire(emulator.uploadUrl());
			Client official = OfficialClient.create(emulator.uploadUrl());
			Map<String, Runnable> clients = new LinkedHashMap<>();
			// a caller with strings, as with the official client: parsing the refs is part of the call
			ours.forEach((engine, client) -> clients.put(oursLabel(engine),
					() -> client.groups().createGroup(FileRef.parseAll(files))));
			clients.put("raw JDK", () -> raw.createGroup(files));
			clients.put("official", () -> official.createGroup(files));
			if (Boolean.getBoolean("bench.rawHttp2")) {
				Wire rawHttp2 = new Wire(emulator.uploadUrl(), java.net.http.HttpClient.Version.HTTP_2);
				clients.put("raw JDK HTTP/2 default (h2c offer)", () -> rawHttp2.createGroup(files));
			}
			// sanity: every client really creates a 10-file group
			for (OurClient client : ours.values()) {
				if (client.groups().createGroup(FileRef.parseAll(files)).filesCount() != 10) {
					throw new IllegalStateException("Our client did not create a 10-file group");
				}
			}
			if (!raw.createGroup(files).endsWith("~10") || official.createGroup(files).getFileCount() != 10) {
				throw new IllegalStateException("A baseline did not create a 10-file group");
			}
			// threads started per call (a JVM-wide counter; the harness itself starts none during this loop)
			java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
			Map<String, Double> threadsPerCall = new LinkedHashMap<>();
			for (Map.Entry<String, Runnable> client : clients.entrySet()) {
				for (int i = 0; i < 50; i++) {
					client.getValue().run();
				}
				long before = mx.getTotalStartedThreadCount();
				for (int i = 0; i < 200; i++) {
					client.getValue().run();
				}
				threadsPerCall.put(client.getKey(), (mx.getTotalStartedThreadCount() - before) / 200.0);
			}
			if (Boolean.getBoolean("bench.threadsOnly")) {
				// run.sh repeats this part under -XX:ActiveProcessorCount=1, 2 and 8
				int cpus = Runtime.getRuntime().availableProcessors();
				threadsPerCall.forEach((name, perCall) -> Results.row("1 threads started per group creation",
						f("%s, %d CPUs", name, cpus), f("%.2f threads per call (200 calls)", perCall), "",
						name.startsWith("ours") ? "0 threads per call" : "",
						name.startsWith("ours") ? Results.verdict(perCall < 0.05) : ""));
				emulator.close(); // System.exit below would skip it
				ours.values().forEach(OurClient::close);
				System.exit(0);
			}
			for (int threads : new int[] { 1, 32 }) {
				for (Map.Entry<String, Runnable> client : clients.entrySet()) {
					Load.run(client.getValue(), threads, warmupMs);
				}
				Map<String, List<long[]>> latencies = new LinkedHashMap<>();
				Map<String, List<Double>> throughput = new LinkedHashMap<>();
				List<String> order = new ArrayList<>(clients.keySet());
				for (int round = 0; round < rounds; round++) {
					for (String name : order) {
						Load.Window window = Load.run(clients.get(name), threads, roundMs);
						latencies.computeIfAbsent(name, (k) -> new ArrayList<>()).add(window.latencies());
						throughput.computeIfAbsent(name, (k) -> new ArrayList<>()).add(window.opsPerSecond());
					}
					order.add(order.remove(0));
				}
				Map<String, double[]> summary = new LinkedHashMap<>();
				for (String name : clients.keySet()) {
					long[] all = Stats.sorted(concat(latencies.get(name)));
					summary.put(name, new double[] { Stats.percentile(all, 50) / 1e6, Stats.percentile(all, 99) / 1e6,
							Stats.median(throughput.get(name)), all.length });
				}
				report(threads, summary, threadsPerCall);
			}
		}
		finally {
			ours.values().forEach(OurClient::close);
		}
		// some engines (Jetty) keep non-daemon threads after their context closed
		System.exit(0);
	}

	static String oursLabel(String engine) {
		return "ours, " + engine + " engine";
	}

	private static void report(int threads, Map<String, double[]> s, Map<String, Double> threadsPerCall) {
		String parallelism = System.getProperty("java.util.concurrent.ForkJoinPool.common.parallelism");
		String scenario = "1 group create (10 refs)"
				+ ((parallelism != null) ? ", what-if: FJ common parallelism=" + parallelism : "");
		double[] raw = s.get("raw JDK");
		double[] official = s.get("official");
		for (Map.Entry<String, double[]> e : s.entrySet()) {
			double[] v = e.getValue();
			String comparison = "";
			String target = "";
			String verdict = "";
			if (e.getKey().startsWith("ours")) {
				double vsOfficial = v[2] / official[2];
				double vsRaw = v[2] / raw[2];
				comparison = f("throughput %.2fx official, %.2fx raw; p50 %.2fx official, %.2fx raw", vsOfficial, vsRaw,
						v[0] / official[0], v[0] / raw[0]);
				target = "throughput >=1.0x official and >=0.9x raw; p50 <= official; 0 threads per call";
				verdict = Results.verdict(vsOfficial >= 1.0) + " / " + Results.verdict(vsRaw >= 0.9) + " / "
						+ Results.verdict(v[0] <= official[0]) + " / "
						+ Results.verdict(threadsPerCall.get(e.getKey()) < 0.05);
			}
			Results.row(scenario, f("%s, concurrency %d", e.getKey(), threads),
					f("p50 %.2f ms, p99 %.2f ms, %.0f ops/s (n=%.0f); %.2f threads started per call", v[0], v[1], v[2],
							v[3], threadsPerCall.get(e.getKey())),
					comparison, target,
					verdict);
		}
	}

	private static long[] concat(List<long[]> arrays) {
		int n = arrays.stream().mapToInt((a) -> a.length).sum();
		long[] all = new long[n];
		int at = 0;
		for (long[] a : arrays) {
			System.arraycopy(a, 0, all, at, a.length);
			at += a.length;
		}
		return all;
	}

}
