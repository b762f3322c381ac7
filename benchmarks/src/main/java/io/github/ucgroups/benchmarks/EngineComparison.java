package io.github.ucgroups.benchmarks;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.ucgroups.GroupService;
import io.github.ucgroups.UploadOptions;
import io.github.ucgroups.UploadSource;
import io.github.ucgroups.UploadedFile;
import io.github.ucgroups.autoconfigure.UploadcareAutoConfiguration;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

/**
 * Group creation (10 file refs) through our {@code GroupService} with each HTTP engine of
 * {@code uploadcare.http.client-factory}, against an emulator running in its own JVM, in one
 * process: every engine gets a warm-up, then rounds alternate the engines (closed loop, one
 * thread). Prints ops/s (median of the rounds), p50/p99, threads started per call and bytes
 * allocated per call (calling thread plus the live threads; threads that ended are missed).
 * Usage: {@code EngineComparison <upload URL> <round seconds> <rounds> <engine>...}
 */
public final class EngineComparison {

	private EngineComparison() {
	}

	public static void main(String[] args) throws Exception {
		URI uploadUrl = URI.create(args[0]);
		long roundNanos = (long) (Double.parseDouble(args[1]) * 1e9);
		int rounds = Integer.parseInt(args[2]);
		List<String> engines = Arrays.asList(args).subList(3, args.length);
		Map<String, ConfigurableApplicationContext> contexts = new LinkedHashMap<>();
		for (String engine : engines) {
			contexts.put(engine, start(uploadUrl, engine));
		}
		List<String> files = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			UploadedFile file = contexts.values().iterator().next().getBean(io.github.ucgroups.UploadService.class)
				.upload(UploadSource.of(("file " + i).getBytes(), "f" + i + ".txt", "text/plain"),
						UploadOptions.defaults());
			files.add(file.uuid());
		}
		Map<String, List<Double>> throughput = new LinkedHashMap<>();
		Map<String, List<Long>> latencies = new LinkedHashMap<>();
		Map<String, long[]> counters = new LinkedHashMap<>(); // calls, threads started, bytes
		for (String engine : engines) {
			GroupService groups = contexts.get(engine).getBean(GroupService.class);
			loop(groups, files, 3_000_000_000L, null, null); // warm-up
			throughput.put(engine, new ArrayList<>());
			latencies.put(engine, new ArrayList<>());
			counters.put(engine, new long[3]);
		}
		for (int round = 0; round < rounds; round++) {
			for (int i = 0; i < engines.size(); i++) {
				String engine = engines.get((i + round) % engines.size()); // rotate the order
				GroupService groups = contexts.get(engine).getBean(GroupService.class);
				throughput.get(engine).add(loop(groups, files, roundNanos, latencies.get(engine), counters.get(engine)));
			}
		}
		System.out.println("| engine | ops/s (median of " + rounds + ") | p50 ms | p99 ms | threads started per call | KB allocated per call | calls |");
		System.out.println("|---|---|---|---|---|---|---|");
		for (String engine : engines) {
			List<Double> ops = new ArrayList<>(throughput.get(engine));
			ops.sort(null);
			List<Long> lat = latencies.get(engine);
			lat.sort(null);
			long[] c = counters.get(engine);
			System.out.printf("| %s | %.0f | %.3f | %.3f | %.2f | %.1f | %d |%n", engine, ops.get(ops.size() / 2),
					lat.get(lat.size() / 2) / 1e6, lat.get((int) (lat.size() * 0.99)) / 1e6, c[1] / (double) c[0],
					c[2] / 1024.0 / c[0], c[0]);
		}
		contexts.values().forEach(ConfigurableApplicationContext::close);
	}

	private static double loop(GroupService groups, List<String> files, long nanos, List<Long> latencies,
			long[] counters) {
		java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		long startedBefore = threads.getTotalStartedThreadCount();
		long bytesBefore = allocated();
		long start = System.nanoTime();
		long end = start + nanos;
		int calls = 0;
		long now = start;
		while (now < end) {
			groups.createGroup(files);
			long after = System.nanoTime();
			if (latencies != null) {
				latencies.add(after - now);
			}
			now = after;
			calls++;
		}
		if (counters != null) {
			counters[0] += calls;
			counters[1] += threads.getTotalStartedThreadCount() - startedBefore;
			counters[2] += allocated() - bytesBefore;
		}
		return calls / ((now - start) / 1e9);
	}

	private static long allocated() {
		com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory
			.getThreadMXBean();
		long sum = 0;
		for (long bytes : threads.getThreadAllocatedBytes(threads.getAllThreadIds())) {
			sum += Math.max(0, bytes);
		}
		return sum;
	}

	private static ConfigurableApplicationContext start(URI uploadUrl, String engine) {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("uploadcare.public-key", "demopublickey");
		properties.put("uploadcare.upload-url", uploadUrl.toString());
		properties.put("uploadcare.http.client-factory", engine);
		properties.put("logging.level.root", "WARN");
		return new SpringApplicationBuilder(Config.class).web(WebApplicationType.NONE)
			.logStartupInfo(false)
			.bannerMode(Banner.Mode.OFF)
			.properties(properties)
			.run();
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ ImperativeHttpClientAutoConfiguration.class, RestClientAutoConfiguration.class,
			UploadcareAutoConfiguration.class })
	static class Config {

	}

}
