package io.github.ucgroups.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.uploadcare.api.Client;
import com.uploadcare.upload.FileUploader;
import io.github.ucgroups.FileRef;
import io.github.ucgroups.UploadRequest;
import io.github.ucgroups.UploadSource;

import static io.github.ucgroups.benchmarks.Results.f;

/**
 * Scenario 2: ten 1 MiB files of one submission turned into a group, with 0 ms and 50 ms of
 * latency injected by the emulator on every request. Same run, interleaved repetitions: our
 * {@code uploadGroup} (default {@code max-concurrent-files=4}, and 10), our own
 * sequential loop (upload, upload, ..., group), the official client (FileUploader one by one,
 * then createGroup), and raw JDK floors (10 direct uploads one by one or all in parallel, then the
 * group). The
 * components of the target (slowest single upload of the batch + one group call) are measured in
 * the same repetitions.
 */
public final class SubmissionBenchmark {

	private static final int FILES = 10;

	private SubmissionBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int warmups = Integer.getInteger("bench.warmups", 2);
		int reps = Integer.getInteger("bench.reps", 5);
		Path dir = Files.createTempDirectory("uc-bench-submission");
		try {
			List<Path> paths = new ArrayList<>();
			Random random = new Random(42);
			for (int i = 0; i < FILES; i++) {
				byte[] content = new byte[1024 * 1024];
				random.nextBytes(content);
				Path path = dir.resolve("photo-" + i + ".jpg");
				Files.write(path, content);
				paths.add(path);
			}
			for (long latency : new long[] { 0, 50 }) {
				run(latency, paths, warmups, reps);
			}
		}
		finally {
			try (var files = Files.list(dir)) {
				for (Path p : files.toList()) {
					Files.deleteIfExists(p);
				}
			}
			Files.deleteIfExists(dir);
		}
	}

	private static void run(long latencyMs, List<Path> paths, int warmups, int reps) throws Exception {
		try (EmulatorProcess emulator = EmulatorProcess.start(latencyMs, 0);
				OurClient ours = OurClient.start(emulator, Map.of());
				OurClient ours4 = OurClient.start(emulator,
						Map.of("uploadcare.upload.max-concurrent-files", "4"))) {
			Client official = OfficialClient.create(emulator.uploadUrl());
			Wire raw = new Wire(emulator.uploadUrl());
			ExecutorService rawPool = Executors.newFixedThreadPool(FILES, (r) -> {
				Thread thread = new Thread(r, "raw-upload");
				thread.setDaemon(true);
				return thread;
			});
			List<UploadSource> sources = paths.stream().map(UploadSource::of).toList();
			List<byte[]> bytes = new ArrayList<>();
			for (Path p : paths) {
				bytes.add(Files.readAllBytes(p));
			}
			Map<String, Callable<Object>> approaches = new LinkedHashMap<>();
			approaches.put("ours uploadGroup (default, max-concurrent-files=10)",
					() -> check(ours.groups().uploadGroup(UploadRequest.allOf(sources)).filesCount()));
			approaches.put("ours uploadGroup (max-concurrent-files=4, the first default)",
					() -> check(ours4.groups().uploadGroup(UploadRequest.allOf(sources)).filesCount()));
			approaches.put("ours sequential loop", () -> {
				List<String> uuids = new ArrayList<>();
				for (UploadSource source : sources) {
					uuids.add(ours.uploads().upload(source).uuid());
				}
				return check(ours.groups().createGroup(FileRef.parseAll(uuids)).filesCount());
			});
			approaches.put("official one by one", () -> {
				List<String> uuids = new ArrayList<>();
				for (Path path : paths) {
					uuids.add(new FileUploader(official, path.toFile()).upload().getFileId());
				}
				return check(official.createGroup(uuids).getFileCount());
			});
			approaches.put("raw JDK sequential loop", () -> {
				List<String> uuids = new ArrayList<>();
				for (int i = 0; i < FILES; i++) {
					uuids.add(raw.uploadDirect(bytes.get(i), "photo-" + i + ".jpg"));
				}
				return raw.createGroup(uuids).endsWith("~" + FILES);
			});
			approaches.put("raw JDK, 10 in parallel", () -> {
				List<Future<String>> futures = new ArrayList<>();
				for (int i = 0; i < FILES; i++) {
					int index = i;
					futures.add(rawPool.submit(() -> raw.uploadDirect(bytes.get(index), "photo-" + index + ".jpg")));
				}
				List<String> uuids = new ArrayList<>();
				for (Future<String> future : futures) {
					uuids.add(future.get());
				}
				return raw.createGroup(uuids).endsWith("~" + FILES);
			});
			Map<String, List<Double>> wall = new LinkedHashMap<>();
			List<Double> slowestUpload = new ArrayList<>();
			List<Double> groupCall = new ArrayList<>();
			for (int rep = 0; rep < warmups + reps; rep++) {
				boolean measured = rep >= warmups;
				for (Map.Entry<String, Callable<Object>> approach : approaches.entrySet()) {
					long t0 = System.nanoTime();
					approach.getValue().call();
					double ms = (System.nanoTime() - t0) / 1e6;
					if (measured) {
						wall.computeIfAbsent(approach.getKey(), (k) -> new ArrayList<>()).add(ms);
					}
				}
				// the components: each upload of the batch alone (ours), the slowest of them, then one group call
				double slowest = 0;
				List<String> uuids = new ArrayList<>();
				for (UploadSource source : sources) {
					long t0 = System.nanoTime();
					uuids.add(ours.uploads().upload(source).uuid());
					slowest = Math.max(slowest, (System.nanoTime() - t0) / 1e6);
				}
				long t0 = System.nanoTime();
				ours.groups().createGroup(FileRef.parseAll(uuids));
				double group = (System.nanoTime() - t0) / 1e6;
				if (measured) {
					slowestUpload.add(slowest);
					groupCall.add(group);
				}
			}
			rawPool.shutdownNow();
			official.close();
			report(latencyMs, wall, Stats.median(slowestUpload), Stats.median(groupCall), reps);
		}
	}

	private static Object check(int count) {
		if (count != FILES) {
			throw new IllegalStateException("Expected a group of " + FILES + " files, got " + count);
		}
		return count;
	}

	private static void report(long latencyMs, Map<String, List<Double>> wall, double slowestUpload, double groupCall,
			int reps) {
		String scenario = f("2 submission 10x1MiB, %d ms latency", latencyMs);
		double bound = slowestUpload + groupCall;
		double official = Stats.median(wall.get("official one by one"));
		double sequential = Stats.median(wall.get("ours sequential loop"));
		double raw = Stats.median(wall.get("raw JDK, 10 in parallel"));
		Results.row(scenario, "components: slowest single upload + one group call",
				f("%.1f + %.1f = %.1f ms", slowestUpload, groupCall, bound), "median of " + reps + " reps", "", "");
		for (Map.Entry<String, List<Double>> e : wall.entrySet()) {
			double ms = Stats.median(e.getValue());
			String comparison = "";
			String target = "";
			String verdict = "";
			if (e.getKey().startsWith("ours uploadGroup")) {
				comparison = f("%.2fx faster than official, %.2fx faster than our sequential loop, %.2fx raw JDK time, %.2fx of (slowest+group)",
						official / ms, sequential / ms, ms / raw, ms / bound);
				if (latencyMs == 50) {
					target = "<=1.5x (slowest+group); >=5x faster than official";
					verdict = f("%s / %s", Results.verdict(ms <= 1.5 * bound), Results.verdict(official / ms >= 5));
				}
				else {
					target = "<=1.5x (slowest+group)";
					verdict = Results.verdict(ms <= 1.5 * bound);
				}
			}
			Results.row(scenario, e.getKey(), f("%.1f ms (median of %d)", ms, reps), comparison, target, verdict);
		}
	}

}
