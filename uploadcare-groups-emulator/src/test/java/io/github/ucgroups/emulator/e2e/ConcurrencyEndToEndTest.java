package io.github.ucgroups.emulator.e2e;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.github.ucgroups.FileRef;
import io.github.ucgroups.Group;
import io.github.ucgroups.GroupId;
import io.github.ucgroups.GroupService;
import io.github.ucgroups.emulator.UploadcareEmulator;
import io.github.ucgroups.emulator.store.StoredGroup;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many concurrent group creations through one {@link GroupService} while the emulator throttles
 * and fails some requests: nothing is lost, and no threads are left behind.
 */
class ConcurrencyEndToEndTest {

	static final int CALLS = 50;

	static final int CALLER_THREADS = 16;

	static final int FAULTS = 12;

	@ParameterizedTest(name = "signing: {0}")
	@ValueSource(strings = { "none", "signature", "jwt" })
	@Timeout(90)
	void fiftyCreationsFromSixteenThreadsWithRandomFaultsAllSucceed(String signing) throws Exception {
		Set<Thread> before = Set.copyOf(threads());
		List<Group> created = new ArrayList<>();
		long[] during = new long[1];
		Set<String> stored;
		boolean signed = !signing.equals("none");
		try (UploadcareEmulator emulator = UploadcareEmulator.builder().threads(8).signedUploadsRequired(signed)
			.start()) {
			List<String> files = new ArrayList<>();
			for (int i = 0; i < CALLS; i++) {
				files.add(E2e.seed(emulator, "c" + i));
			}
			Random random = new Random(20261127L);
			int throttles = 0;
			for (int i = 0; i < FAULTS; i++) {
				if (random.nextBoolean()) {
					emulator.faults().throttle("/group/", 1, Duration.ofMillis(random.nextInt(1001)));
					throttles++;
				}
				else {
					emulator.faults().fail("/group/", 1, 503);
				}
			}
			assertThat(throttles).as("the seed mixes both kinds").isBetween(1, FAULTS - 1);
			// One call can run into every fault in a row; more attempts than faults means every
			// call must succeed, so any failure is the client's (or the emulator's) fault.
			String[] properties = signed
					? new String[] { "uploadcare.retry.max-attempts=" + (FAULTS + 1),
							"uploadcare.secret-key=" + emulator.secretKey(), "uploadcare.signed-uploads.scheme=" + signing }
					: new String[] { "uploadcare.retry.max-attempts=" + (FAULTS + 1) };
			E2e.runner(emulator, properties).run((context) -> {
				GroupService groups = context.getBean(GroupService.class);
				ExecutorService callers = Executors.newFixedThreadPool(CALLER_THREADS);
				try {
					CountDownLatch go = new CountDownLatch(1);
					List<Future<Group>> results = new ArrayList<>();
					for (int i = 0; i < CALLS; i++) {
						String file = files.get(i);
						results.add(callers.submit(() -> {
							go.await(10, TimeUnit.SECONDS);
							return groups.createGroup(FileRef.parseAll(List.of(file)));
						}));
					}
					go.countDown();
					for (int i = 0; i < CALLS; i++) {
						Group group = results.get(i).get(60, TimeUnit.SECONDS);
						assertThat(group.files().get(0).uuid()).isEqualTo(files.get(i));
						created.add(group);
					}
					during[0] = newThreads(before).size();
				}
				finally {
					callers.shutdownNow();
					assertThat(callers.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
				}
			});
			assertThat(emulator.faults().hasPending()).as("every fault was met").isFalse();
			assertThat(emulator.journal().count("/group/")).isEqualTo(CALLS + FAULTS);
			stored = emulator.groups().stream().map(StoredGroup::id).collect(Collectors.toSet());
		}
		assertThat(created).extracting(Group::id).doesNotHaveDuplicates();
		assertThat(stored).containsAll(created.stream().map(Group::id).map(GroupId::toString).toList())
			.hasSize(CALLS);

		assertThat(during[0]).as("the run started HTTP client and emulator threads").isGreaterThan(2);
		// The JDK HttpClient's threads end once the client is unreachable: give GC a bounded chance.
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
		while (newThreads(before).size() > 2 && System.nanoTime() < deadline) {
			System.gc();
			Thread.sleep(200);
		}
		assertThat(newThreads(before)).extracting(Thread::getName).as("HTTP client and emulator threads left")
			.hasSizeLessThanOrEqualTo(2);
	}

	/** The live HTTP client and emulator threads that did not exist before the run. */
	private static List<Thread> newThreads(Set<Thread> before) {
		return threads().stream().filter((thread) -> !before.contains(thread)).toList();
	}

	private static List<Thread> threads() {
		return Thread.getAllStackTraces().keySet().stream().filter(ConcurrencyEndToEndTest::ours).toList();
	}

	private static boolean ours(Thread thread) {
		String name = thread.getName();
		return thread.isAlive() && (name.startsWith("HttpClient-") || name.startsWith("uploadcare-emulator-"));
	}

}
