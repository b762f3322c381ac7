package io.github.ucgroups.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.github.ucgroups.GroupService;
import io.github.ucgroups.UploadRequest;
import io.github.ucgroups.UploadSource;

import static io.github.ucgroups.benchmarks.Results.f;

/**
 * Scenario 5: many submissions at once. {@code callers} submissions run concurrently in a closed
 * loop, each uploading 5 small files (2 KiB) into a group with our {@code GroupService}, against
 * the emulator (own JVM) with 50 ms injected latency on every request. Arguments: thread mode
 * ({@code platform}: callers are platform threads, as Tomcat's pool; {@code virtual}: one virtual
 * thread per caller and {@code spring.threads.virtual.enabled=true}, which puts our upload pools
 * on virtual threads too; needs Java 21+), {@code uploadcare.upload.max-concurrent-files}, callers,
 * seconds. Reports submissions/s, p50/p99 per submission, peak platform threads
 * ({@code ThreadMXBean}; virtual threads are not counted there) and peak heap above idle.
 */
public final class SubmissionLoadBenchmark {

	private static final int FILES = 5;

	private SubmissionLoadBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		String mode = args[0];
		int maxConcurrentFiles = Integer.parseInt(args[1]);
		int callers = Integer.parseInt(args[2]);
		long seconds = Long.parseLong(args[3]);
		boolean virtual = mode.equals("virtual");
		List<UploadSource> sources = new ArrayList<>();
		for (int i = 0; i < FILES; i++) {
			byte[] content = ("file " + i + " ").repeat(256).getBytes(StandardCharsets.UTF_8);
			sources.add(UploadSource.of(Arrays.copyOf(content, 2048), "file-" + i + ".txt", "text/plain"));
		}
		try (EmulatorProcess emulator = EmulatorProcess.start(50, 0);
				OurClient ours = OurClient.start(emulator,
						Map.of("uploadcare.upload.max-concurrent-files", Integer.toString(maxConcurrentFiles),
								"spring.threads.virtual.enabled", Boolean.toString(virtual)))) {
			GroupService groups = ours.groups();
			Runnable submission = () -> {
				if (groups.uploadGroup(UploadRequest.allOf(sources)).filesCount() != FILES) {
					throw new IllegalStateException("A group without its " + FILES + " files");
				}
			};
			window(submission, callers, virtual, 5_000); // warm-up
			System.gc();
			List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans()
				.stream()
				.filter((pool) -> pool.getType() == MemoryType.HEAP)
				.toList();
			long idle = heap.stream().mapToLong((pool) -> pool.getUsage().getUsed()).sum();
			heap.forEach(MemoryPoolMXBean::resetPeakUsage);
			ThreadMXBean threads = ManagementFactory.getThreadMXBean();
			threads.resetPeakThreadCount();
			Load.Window window = window(submission, callers, virtual, seconds * 1000);
			long peakHeap = heap.stream().mapToLong((pool) -> pool.getPeakUsage().getUsed()).sum();
			long[] sorted = Stats.sorted(window.latencies());
			String kase = f("%s threads, %d callers, max-concurrent-files=%d (Java %d)", mode, callers,
					maxConcurrentFiles, Runtime.version().feature());
			Results.row("5 many submissions (5 x 2 KiB each, 50 ms latency)", kase,
					f("%.1f submissions/s (%d in %d s), p50 %.0f ms, p99 %.0f ms; peak %d platform threads; "
							+ "peak heap %d MiB above idle (%d MiB idle)", window.opsPerSecond(), sorted.length, seconds,
							Stats.percentile(sorted, 50) / 1e6, Stats.percentile(sorted, 99) / 1e6,
							threads.getPeakThreadCount(), (peakHeap - idle) >> 20, idle >> 20),
					"", "(no target: report)", "");
		}
		System.exit(0);
	}

	/** {@link Load#run}, with the callers on virtual threads when asked. */
	private static Load.Window window(Runnable operation, int callers, boolean virtual, long millis)
			throws Exception {
		if (!virtual) {
			return Load.run(operation, callers, millis);
		}
		// reflectively: the module compiles for Java 17, this case runs on 21+
		ExecutorService pool = (ExecutorService) Executors.class.getMethod("newVirtualThreadPerTaskExecutor")
			.invoke(null);
		return Load.run(operation, callers, millis, pool);
	}

}
