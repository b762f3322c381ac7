package io.github.ucgroups.emulator.resilience;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import io.github.ucgroups.UploadRequest;
import io.github.ucgroups.Group;
import io.github.ucgroups.GroupFile;
import io.github.ucgroups.GroupService;
import io.github.ucgroups.UploadSource;
import io.github.ucgroups.UploadcareBatchUploadException;
import io.github.ucgroups.UploadcareException;
import io.github.ucgroups.emulator.UploadcareEmulator;
import io.github.ucgroups.emulator.faults.Faults;
import io.github.ucgroups.emulator.journal.JournalEntry;
import io.github.ucgroups.emulator.store.StoredFile;
import io.github.ucgroups.emulator.store.StoredGroup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * 200 {@code uploadGroup} calls from 32 threads while the emulator injects a
 * fixed-seed random mix of throttling, server errors, dropped connections and latency.
 * <ul>
 * <li>No deadlock: every call ends within a bound (a thread dump is printed otherwise).</li>
 * <li>Every call either returns a group that the emulator holds with exactly the uploaded files,
 * or throws an {@link UploadcareException} (here always an
 * {@link UploadcareBatchUploadException}); nothing else escapes.</li>
 * <li>No file is forgotten: the emulator's files are exactly those of the returned groups plus
 * those the exceptions list as uploaded; its groups are exactly the returned ones.</li>
 * <li>No thread leak: after the context is closed (and the JDK {@code HttpClient}s it made are
 * garbage collected), no {@code uploadcare-*} upload thread and no {@code HttpClient-*}
 * selector thread started by the test is alive.</li>
 * <li>No connection leak: client sockets to the emulator port are counted from
 * {@code /proc/net/tcp} and {@code /proc/net/tcp6} (state 01, ESTABLISHED, remote port = the
 * emulator's). While the context lives, the JDK client keeps idle connections pooled, so the
 * count is only bounded by the concurrency; once the context is closed and its clients are
 * collected, it is back to zero. An unclosed response body would keep its socket open and
 * fail this.</li>
 * </ul>
 */
@Timeout(180)
class ConcurrentCreationsUnderFaultsTest {

	private static final int CALLS = 200;

	private static final int THREADS = 32;

	private static final long SEED = 20261127L;

	@Test
	void twoHundredCreationsFromThirtyTwoThreadsUnderRandomFaults() throws Exception {
		Set<Thread> threadsBefore = new HashSet<>(Thread.getAllStackTraces().keySet());
		Map<String, Group> groups = new ConcurrentHashMap<>();
		Map<Integer, UploadcareException> failures = new ConcurrentHashMap<>();
		List<Throwable> unexpected = new java.util.concurrent.CopyOnWriteArrayList<>();
		int port;
		try (UploadcareEmulator uc = UploadcareEmulator.start()) {
			port = uc.port();
			int injected = injectRandomFaults(uc.faults(), new Random(SEED));
			Resilience.runner(uc, "uploadcare.retry.max-attempts=2").run((context) -> {
				GroupService service = context.getBean(GroupService.class);
				ExecutorService callers = Executors.newFixedThreadPool(THREADS, named("resilience-caller-"));
				try {
					List<Future<?>> futures = new ArrayList<>();
					for (int i = 0; i < CALLS; i++) {
						int call = i;
						futures.add(callers.submit(() -> {
							try {
								Group group = service.uploadGroup(UploadRequest.allOf(sources(call)));
								groups.put(group.id().toString(), group);
							}
							catch (UploadcareException ex) {
								failures.put(call, ex);
							}
							catch (Throwable ex) {
								unexpected.add(ex);
							}
						}));
					}
					callers.shutdown();
					if (!callers.awaitTermination(150, TimeUnit.SECONDS)) {
						printThreadDump();
						throw new AssertionError("deadlock or hang: calls still running after 150 s");
					}
					for (Future<?> future : futures) {
						future.get(); // the tasks catch everything; rethrows nothing
					}
				}
				finally {
					callers.shutdownNow();
				}
				assertThat(unexpected).as("only typed Uploadcare exceptions escape").isEmpty();
				assertThat(groups.size() + failures.size()).isEqualTo(CALLS);
				assertThat(groups).as("most calls survive the faults").hasSizeGreaterThan(CALLS / 2);
				assertThat(failures.values()).allSatisfy(
						(ex) -> assertThat(ex).isInstanceOf(UploadcareBatchUploadException.class));
				System.out.printf(Locale.ROOT, "resilience: %d fault rules, %d groups, %d typed failures%n", injected,
						groups.size(), failures.size());

				// Every success is in the emulator, with exactly its files.
				for (Group group : groups.values()) {
					StoredGroup stored = uc.group(group.id()).orElseThrow(() -> new AssertionError(group.id() + " missing"));
					assertThat(stored.entries()).hasSize(group.files().size());
					assertThat(group.files()).extracting(GroupFile::uuid)
						.containsExactlyElementsOf(stored.entries().stream().map((entry) -> entry.fileUuid()).toList());
				}
				assertThat(uc.groups()).as("no group the callers do not know of").hasSize(groups.size());
				// ... and in the journal: a POST /group/ that sent exactly its files. (The status
				// does not tell: with jsonerrors=1 errors come as HTTP 200 envelopes.)
				Set<List<String>> sentFileLists = uc.journal()
					.entries("/group/")
					.stream()
					.filter((entry) -> entry.method().equals("POST") && entry.path().equals("/group/"))
					.map(ConcurrentCreationsUnderFaultsTest::sentFiles)
					.collect(Collectors.toSet());
				for (Group group : groups.values()) {
					assertThat(sentFileLists).contains(group.files().stream().map(GroupFile::uuid).toList());
				}

				// No file forgotten: the emulator holds exactly the files of the groups and the
				// files the failures report as uploaded.
				Set<String> known = new HashSet<>();
				groups.values().forEach((group) -> group.files().forEach((file) -> known.add(file.uuid())));
				failures.values()
					.forEach((ex) -> known.addAll(((UploadcareBatchUploadException) ex).getUploadedUuids()));
				assertThat(uc.files().stream().map(StoredFile::uuid).collect(Collectors.toSet())).isEqualTo(known);

				int pooled = establishedClientSockets(port);
				System.out.printf(Locale.ROOT, "resilience: %d client connections to the emulator pooled after the run%n",
						pooled);
				assertThat(pooled).as("pooled connections bounded by the concurrency")
					.isLessThanOrEqualTo(THREADS + 4 * 4 + 4);
			});
			List<JournalEntry> dropped = uc.journal().entries("/").stream().filter((entry) -> entry.status() == 0).toList();
			assertThat(dropped).as("the faults did happen").isNotEmpty();
		}

		// No connection leak: once the context is closed and its HttpClients unreachable, the
		// client sockets go (the JDK closes them when it collects an HttpClient).
		boolean closed = Resilience.eventually(Duration.ofSeconds(20), () -> {
			System.gc();
			return establishedClientSockets(port) == 0;
		});
		assertThat(closed).as("client connections left to port " + port + ": " + establishedClientSockets(port))
			.isTrue();

		// No thread leak.
		boolean ended = Resilience.eventually(Duration.ofSeconds(20), () -> {
			System.gc();
			return leakedThreads(threadsBefore).isEmpty();
		});
		assertThat(ended).as("threads left: " + leakedThreads(threadsBefore)).isTrue();
	}

	private static List<String> sentFiles(JournalEntry entry) {
		List<String> files = new ArrayList<>();
		for (int i = 0; entry.field("files[" + i + "]") != null; i++) {
			files.add(entry.field("files[" + i + "]"));
		}
		return files;
	}

	private static List<UploadSource> sources(int call) {
		int count = 1 + (call % 3);
		List<UploadSource> sources = new ArrayList<>(count);
		for (int j = 0; j < count; j++) {
			sources.add(Resilience.small("call" + call + "-file" + j));
		}
		return sources;
	}

	/** Adds a fixed-seed random list of fault rules; returns how many. */
	private static int injectRandomFaults(Faults faults, Random random) {
		String[] paths = { "/base/", "/group/" };
		int rules = 80;
		for (int i = 0; i < rules; i++) {
			String path = paths[random.nextInt(paths.length)];
			int times = 1 + random.nextInt(3);
			switch (random.nextInt(4)) {
				case 0 -> faults.throttle(path, times, Duration.ofSeconds(1));
				case 1 -> faults.fail(path, times, 500 + random.nextInt(4));
				case 2 -> faults.drop(path, times);
				default -> faults.delay(path, Duration.ofMillis(20 + random.nextInt(200)), times);
			}
		}
		return rules;
	}

	private static List<String> leakedThreads(Set<Thread> before) {
		return Thread.getAllStackTraces()
			.keySet()
			.stream()
			.filter((thread) -> thread.isAlive() && !before.contains(thread))
			.map(Thread::getName)
			.filter((name) -> name.startsWith("uploadcare-") || name.startsWith("HttpClient-")
					|| name.startsWith("resilience-caller-"))
			.sorted()
			.toList();
	}

	/**
	 * Counts ESTABLISHED TCP sockets whose remote port is the given one (client sides of
	 * connections to the emulator), from the kernel's tables.
	 */
	static int establishedClientSockets(int port) {
		Path tcp = Path.of("/proc/net/tcp");
		assumeThat(Files.isReadable(tcp)).as("needs Linux /proc/net/tcp").isTrue();
		int count = 0;
		for (Path table : List.of(tcp, Path.of("/proc/net/tcp6"))) {
			if (!Files.isReadable(table)) {
				continue;
			}
			try {
				List<String> lines = Files.readAllLines(table);
				for (String line : lines.subList(1, lines.size())) {
					String[] fields = line.trim().split("\\s+");
					String remote = fields[2];
					int remotePort = Integer.parseInt(remote.substring(remote.indexOf(':') + 1), 16);
					if (remotePort == port && fields[3].equals("01")) {
						count++;
					}
				}
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
		}
		return count;
	}

	private static java.util.concurrent.ThreadFactory named(String prefix) {
		AtomicInteger counter = new AtomicInteger();
		return (runnable) -> new Thread(runnable, prefix + counter.incrementAndGet());
	}

	private static void printThreadDump() {
		Thread.getAllStackTraces().forEach((thread, stack) -> {
			System.out.println(thread);
			for (StackTraceElement element : stack) {
				System.out.println("\tat " + element);
			}
		});
	}

}
