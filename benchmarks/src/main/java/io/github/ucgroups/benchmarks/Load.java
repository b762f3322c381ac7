package io.github.ucgroups.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Closed-loop load: {@code threads} callers repeat an operation until a deadline. */
public final class Load {

	private Load() {
	}

	/** Latencies in ns of every call made in the window, plus the window's throughput. */
	public record Window(long[] latencies, double opsPerSecond) {
	}

	public static Window run(Runnable operation, int threads, long millis) throws Exception {
		return run(operation, threads, millis, Executors.newFixedThreadPool(threads));
	}

	/** The same on the given pool (shut down at the end), e.g. one virtual thread per caller. */
	public static Window run(Runnable operation, int threads, long millis, ExecutorService pool) throws Exception {
		try {
			long start = System.nanoTime();
			long deadline = start + millis * 1_000_000L;
			List<Future<long[]>> futures = new ArrayList<>();
			for (int t = 0; t < threads; t++) {
				futures.add(pool.submit(() -> {
					long[] latencies = new long[1024];
					int n = 0;
					while (System.nanoTime() < deadline) {
						long t0 = System.nanoTime();
						operation.run();
						long took = System.nanoTime() - t0;
						if (n == latencies.length) {
							latencies = Arrays.copyOf(latencies, n * 2);
						}
						latencies[n++] = took;
					}
					return Arrays.copyOf(latencies, n);
				}));
			}
			List<long[]> all = new ArrayList<>();
			int total = 0;
			for (Future<long[]> future : futures) {
				long[] latencies = future.get();
				all.add(latencies);
				total += latencies.length;
			}
			double seconds = (System.nanoTime() - start) / 1e9;
			long[] merged = new long[total];
			int at = 0;
			for (long[] latencies : all) {
				System.arraycopy(latencies, 0, merged, at, latencies.length);
				at += latencies.length;
			}
			return new Window(merged, total / seconds);
		}
		finally {
			pool.shutdownNow();
		}
	}

}
