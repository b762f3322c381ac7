import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load driver for the sample app (run by run.sh with the JDK's source launcher, no build step):
 * CLIENTS threads each POST /api/groups with 3 small files, back to back, for SECONDS seconds
 * against BASE_URL (loopback). Prints errors, throughput, p50/p90/p99/max latency and the app's
 * heap (actuator jvm.memory.used, area:heap, and jvm.gc.live.data.size) before and after.
 *
 * Usage: java LoadDriver.java BASE_URL [CLIENTS=20] [SECONDS=60]
 */
public class LoadDriver {

	public static void main(String[] args) throws Exception {
		String base = args[0];
		if (!URI.create(base).getHost().matches("127\\.0\\.0\\.1|localhost")) {
			throw new IllegalArgumentException("loopback only: " + base);
		}
		int clients = (args.length > 1) ? Integer.parseInt(args[1]) : 20;
		int seconds = (args.length > 2) ? Integer.parseInt(args[2]) : 60;
		HttpClient http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(5))
			.build();

		String heapBefore = heap(http, base);
		// Warm-up: 5 s at the same concurrency, not counted.
		run(http, base, clients, Duration.ofSeconds(5), new ArrayList<>(), new ConcurrentHashMap<>());

		List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
		Map<String, AtomicLong> errors = new ConcurrentHashMap<>();
		long start = System.nanoTime();
		run(http, base, clients, Duration.ofSeconds(seconds), latencies, errors);
		double elapsed = (System.nanoTime() - start) / 1e9;
		String heapAfter = heap(http, base);

		List<Long> sorted = new ArrayList<>(latencies);
		Collections.sort(sorted);
		long errorCount = errors.values().stream().mapToLong(AtomicLong::get).sum();
		System.out.printf(Locale.ROOT, "clients=%d duration=%.1fs%n", clients, elapsed);
		System.out.printf(Locale.ROOT, "requests ok=%d errors=%d %s%n", sorted.size(), errorCount, new TreeMap<>(errors));
		System.out.printf(Locale.ROOT, "throughput=%.1f groups/s (%.1f files/s)%n", sorted.size() / elapsed,
				3 * sorted.size() / elapsed);
		System.out.printf(Locale.ROOT, "latency ms p50=%.1f p90=%.1f p99=%.1f max=%.1f%n", pct(sorted, 50),
				pct(sorted, 90), pct(sorted, 99), sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1) / 1e6);
		System.out.println("heap before: " + heapBefore);
		System.out.println("heap after:  " + heapAfter);
		if (errorCount > 0 || sorted.isEmpty()) {
			System.exit(1);
		}
	}

	static void run(HttpClient http, String base, int clients, Duration duration, List<Long> latencies,
			Map<String, AtomicLong> errors) throws InterruptedException {
		long deadline = System.nanoTime() + duration.toNanos();
		CountDownLatch done = new CountDownLatch(clients);
		for (int c = 0; c < clients; c++) {
			int client = c;
			Thread thread = new Thread(() -> {
				try {
					for (long n = 0; System.nanoTime() < deadline; n++) {
						String boundary = "----load" + client + "x" + n;
						byte[] body = body(boundary, client, n);
						HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/groups"))
							.timeout(Duration.ofSeconds(30))
							.header("Content-Type", "multipart/form-data; boundary=" + boundary)
							.header("Accept", "application/json")
							.POST(HttpRequest.BodyPublishers.ofByteArray(body))
							.build();
						long t0 = System.nanoTime();
						try {
							HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
							long took = System.nanoTime() - t0;
							if (response.statusCode() == 201 && response.body().contains("\"id\"")) {
								latencies.add(took);
							}
							else {
								errors.computeIfAbsent("HTTP " + response.statusCode(), (k) -> new AtomicLong())
									.incrementAndGet();
							}
						}
						catch (Exception ex) {
							errors.computeIfAbsent(ex.getClass().getSimpleName(), (k) -> new AtomicLong())
								.incrementAndGet();
						}
					}
				}
				finally {
					done.countDown();
				}
			}, "load-client-" + c);
			thread.setDaemon(true);
			thread.start();
		}
		if (!done.await(duration.toSeconds() + 60, java.util.concurrent.TimeUnit.SECONDS)) {
			throw new IllegalStateException("clients did not stop");
		}
	}

	static byte[] body(String boundary, int client, long n) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (int f = 0; f < 3; f++) {
			StringBuilder content = new StringBuilder();
			for (int i = 0; content.length() < 2048; i++) {
				content.append("client ").append(client).append(" request ").append(n).append(" file ").append(f)
					.append(" line ").append(i).append('\n');
			}
			String part = "--" + boundary + "\r\n" + "Content-Disposition: form-data; name=\"files\"; filename=\"c"
					+ client + "-r" + n + "-f" + f + ".txt\"\r\n" + "Content-Type: text/plain\r\n\r\n" + content
					+ "\r\n";
			out.writeBytes(part.getBytes(StandardCharsets.UTF_8));
		}
		out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return out.toByteArray();
	}

	static double pct(List<Long> sorted, int percentile) {
		if (sorted.isEmpty()) {
			return 0;
		}
		int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
		return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1))) / 1e6;
	}

	static String heap(HttpClient http, String base) throws Exception {
		return "jvm.memory.used{area=heap}=" + metric(http, base, "jvm.memory.used?tag=area:heap")
				+ " MiB, jvm.gc.live.data.size=" + metric(http, base, "jvm.gc.live.data.size") + " MiB";
	}

	static String metric(HttpClient http, String base, String query) throws Exception {
		HttpResponse<String> response = http.send(
				HttpRequest.newBuilder(URI.create(base + "/actuator/metrics/" + query)).timeout(Duration.ofSeconds(10)).build(),
				HttpResponse.BodyHandlers.ofString());
		Matcher value = Pattern.compile("\"statistic\"\\s*:\\s*\"VALUE\"\\s*,\\s*\"value\"\\s*:\\s*([0-9.E+-]+)")
			.matcher(response.body());
		if (response.statusCode() != 200 || !value.find()) {
			return "n/a (HTTP " + response.statusCode() + ")";
		}
		return String.format(Locale.ROOT, "%.1f", Double.parseDouble(value.group(1)) / (1024 * 1024));
	}

}
