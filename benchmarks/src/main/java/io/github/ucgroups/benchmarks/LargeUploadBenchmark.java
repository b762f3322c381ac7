package io.github.ucgroups.benchmarks;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;

import com.uploadcare.api.Client;
import com.uploadcare.upload.FileUploader;
import io.github.ucgroups.UploadSource;
import io.github.ucgroups.UploadedFile;

import static io.github.ucgroups.benchmarks.Results.f;

/**
 * Scenario 3: one large multipart upload (sizes in MiB as arguments), run by run.sh in a JVM with
 * a small heap ({@code -Xmx128m}). Same run, alternating: our UploadService (multipart, 5 MiB
 * parts, 4 at once), a raw JDK HttpClient streaming PUT of the same file to a presigned part URL
 * of the emulator (one request: the floor), and, for sizes up to 256 MiB, the official client.
 * Heap: before each upload a full GC gives the idle figure; peak = sum of the heap pools' peak
 * usage during the upload (resetPeakUsage before), which counts garbage not yet collected, so it
 * is an upper bound of what the upload needs. GC counts and times come from the GC MXBeans.
 */
public final class LargeUploadBenchmark {

	private LargeUploadBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int reps = Integer.getInteger("bench.reps", 3);
		Path dir = Files.createTempDirectory("uc-bench-large");
		try (EmulatorProcess emulator = EmulatorProcess.start(0, 0);
				OurClient ours = OurClient.start(emulator, Map.of())) {
			Wire raw = new Wire(emulator.uploadUrl());
			Client official = OfficialClient.create(emulator.uploadUrl());
			// warm-up (JIT, connection pools): each client once on a 32 MiB file, not measured
			Path warm = generate(dir.resolve("warm-up.bin"), 32L * 1024 * 1024);
			try {
				long warmSize = Files.size(warm);
				ours.uploads().upload(UploadSource.of(warm));
				raw.put(raw.multipartStart("warm-up.bin", warmSize, warmSize).get(1), warm);
				new FileUploader(official, warm.toFile()).upload();
			}
			finally {
				Files.deleteIfExists(warm);
			}
			for (String arg : args) {
				long mib = Long.parseLong(arg);
				long size = mib * 1024 * 1024;
				Path file = generate(dir.resolve("big-" + mib + "m.bin"), size);
				try {
					Map<String, Callable<Object>> uploads = new LinkedHashMap<>();
					uploads.put("ours (multipart, 4 parts at once)", () -> {
						UploadedFile uploaded = ours.uploads().upload(UploadSource.of(file));
						if (uploaded.size() != size) {
							throw new IllegalStateException("Uploaded size " + uploaded.size());
						}
						return uploaded;
					});
					uploads.put("raw JDK single PUT", () -> {
						List<String> start = raw.multipartStart(file.getFileName().toString(), size, size);
						int status = raw.put(start.get(1), file);
						if (status != 200) {
							throw new IllegalStateException("PUT answered " + status);
						}
						return status;
					});
					if (mib <= 256) {
						uploads.put("official (multipart, sequential)",
								() -> new FileUploader(official, file.toFile()).upload());
					}
					Map<String, List<double[]>> measured = new LinkedHashMap<>();
					for (int rep = 0; rep < reps; rep++) {
						for (Map.Entry<String, Callable<Object>> upload : uploads.entrySet()) {
							measured.computeIfAbsent(upload.getKey(), (k) -> new ArrayList<>())
								.add(measure(upload.getValue(), size));
						}
					}
					report(mib, measured, reps);
				}
				finally {
					Files.deleteIfExists(file);
				}
			}
			official.close();
		}
		finally {
			Files.deleteIfExists(dir);
		}
	}

	private static Path generate(Path path, long size) throws IOException {
		SplittableRandom random = new SplittableRandom(7);
		byte[] chunk = new byte[1024 * 1024];
		try (OutputStream out = Files.newOutputStream(path)) {
			for (long written = 0; written < size; written += chunk.length) {
				for (int i = 0; i < chunk.length; i += 8) {
					long v = random.nextLong();
					for (int b = 0; b < 8; b++) {
						chunk[i + b] = (byte) (v >>> (8 * b));
					}
				}
				out.write(chunk, 0, (int) Math.min(chunk.length, size - written));
			}
		}
		return path;
	}

	/** Returns {MiB/s, idle heap MiB, peak heap above idle MiB, GC count, GC ms}. */
	private static double[] measure(Callable<Object> upload, long size) throws Exception {
		List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans()
			.stream()
			.filter((pool) -> pool.getType() == MemoryType.HEAP)
			.toList();
		System.gc();
		Thread.sleep(200);
		long idle = heap.stream().mapToLong((pool) -> pool.getUsage().getUsed()).sum();
		heap.forEach(MemoryPoolMXBean::resetPeakUsage);
		long[] gc0 = gc();
		long t0 = System.nanoTime();
		upload.call();
		double seconds = (System.nanoTime() - t0) / 1e9;
		long[] gc1 = gc();
		long peak = heap.stream().mapToLong((pool) -> pool.getPeakUsage().getUsed()).sum();
		double mib = 1024.0 * 1024.0;
		return new double[] { size / mib / seconds, idle / mib, (peak - idle) / mib, gc1[0] - gc0[0],
				gc1[1] - gc0[1] };
	}

	private static long[] gc() {
		long count = 0;
		long time = 0;
		for (GarbageCollectorMXBean bean : ManagementFactory.getGarbageCollectorMXBeans()) {
			count += Math.max(0, bean.getCollectionCount());
			time += Math.max(0, bean.getCollectionTime());
		}
		return new long[] { count, time };
	}

	private static void report(long mib, Map<String, List<double[]>> measured, int reps) {
		String scenario = f("3 upload %d MiB (-Xmx%s)", mib, maxHeap());
		double rawThroughput = median(measured.get("raw JDK single PUT"), 0);
		List<double[]> officialRuns = measured.get("official (multipart, sequential)");
		double officialThroughput = (officialRuns != null) ? median(officialRuns, 0) : Double.NaN;
		for (Map.Entry<String, List<double[]>> e : measured.entrySet()) {
			List<double[]> runs = e.getValue();
			double throughput = median(runs, 0);
			double maxPeak = runs.stream().mapToDouble((r) -> r[2]).max().orElse(Double.NaN);
			String result = f("%.0f MiB/s; heap idle %.0f MiB, peak above idle %.0f MiB (max of runs); %.0f GCs, %.0f ms GC",
					throughput, median(runs, 1), maxPeak, median(runs, 3), median(runs, 4));
			String comparison = "";
			String target = "";
			String verdict = "";
			if (e.getKey().startsWith("ours")) {
				comparison = f("%.0f%% of raw PUT throughput", 100 * throughput / rawThroughput)
						+ (Double.isNaN(officialThroughput) ? ""
								: f(", %.2fx official", throughput / officialThroughput));
				target = ">=90% of raw PUT; peak heap <64 MiB above idle";
				verdict = f("%s / %s", Results.verdict(throughput >= 0.9 * rawThroughput),
						Results.verdict(maxPeak < 64));
			}
			Results.row(scenario, e.getKey(), result + f(" (median of %d)", reps), comparison, target, verdict);
		}
	}

	private static double median(List<double[]> runs, int index) {
		return Stats.median(runs.stream().map((r) -> r[index]).toList());
	}

	private static String maxHeap() {
		return (Runtime.getRuntime().maxMemory() / (1024 * 1024)) + "m";
	}

}
