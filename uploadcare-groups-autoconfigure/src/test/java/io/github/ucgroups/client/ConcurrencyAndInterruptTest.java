package io.github.ucgroups.client;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

import io.github.ucgroups.FileRef;
import io.github.ucgroups.Group;
import io.github.ucgroups.GroupService;
import io.github.ucgroups.UploadcareException;
import io.github.ucgroups.signing.SignatureUploadSigner;
import io.github.ucgroups.testsupport.Wire;

import static io.github.ucgroups.testsupport.Wire.FILE_1;
import static io.github.ucgroups.testsupport.TestKeys.SECRET_KEY;
import static org.assertj.core.api.Assertions.assertThat;

class ConcurrencyAndInterruptTest {

	@StartStop
	private final MockWebServer server = new MockWebServer();

	@Test
	void concurrentCreatesAreIndependentAndAllSigned() {
		String body = Wire.fixture("group-create-response.json");
		List<Map<String, String>> received = java.util.Collections.synchronizedList(new ArrayList<>());
		this.server.setDispatcher(new Dispatcher() {
			@Override
			public MockResponse dispatch(RecordedRequest request) {
				received.add(Wire.multipartFields(request));
				return Wire.json(200, body);
			}
		});
		Wire.runner(this.server).withPropertyValues("uploadcare.secret-key=" + SECRET_KEY).run((context) -> {
			GroupService groups = context.getBean(GroupService.class);
			int threads = 8;
			ExecutorService pool = Executors.newFixedThreadPool(threads);
			try {
				CountDownLatch go = new CountDownLatch(1);
				List<Future<Group>> futures = new ArrayList<>();
				for (int i = 0; i < threads; i++) {
					String file = String.format("%08d-3526-428a-945e-65fbc06e7b35", i);
					futures.add(pool.submit(() -> {
						go.await();
						return groups.createGroup(FileRef.parseAll(List.of(file, FILE_1)));
					}));
				}
				go.countDown();
				for (Future<Group> future : futures) {
					assertThat(future.get(20, TimeUnit.SECONDS).filesCount()).isEqualTo(1);
				}
			}
			finally {
				pool.shutdownNow();
			}
			assertThat(received).hasSize(threads);
			Set<String> firstFiles = new HashSet<>();
			for (Map<String, String> fields : received) {
				firstFiles.add(fields.get("files[0]"));
				assertThat(fields.get("files[1]")).isEqualTo(FILE_1);
				assertThat(fields.get("signature"))
					.isEqualTo(SignatureUploadSigner.sign(SECRET_KEY, Long.parseLong(fields.get("expire"))));
			}
			assertThat(firstFiles).hasSize(threads);
		});
	}

	@Test
	void interruptWhileWaitingToRetryEndsPromptlyAndKeepsTheFlag() {
		this.server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "10")
			.body("Request was throttled.").build());
		Wire.runner(this.server).withPropertyValues("uploadcare.retry.max-retry-after=30s").run((context) -> {
			GroupService groups = context.getBean(GroupService.class);
			AtomicReference<Throwable> failure = new AtomicReference<>();
			AtomicReference<Boolean> interruptedAfter = new AtomicReference<>();
			Thread caller = new Thread(() -> {
				try {
					groups.createGroup(FileRef.parseAll(List.of(FILE_1)));
				}
				catch (Throwable ex) {
					failure.set(ex);
				}
				interruptedAfter.set(Thread.currentThread().isInterrupted());
			});
			long start = System.nanoTime();
			caller.start();
			Wire.take(this.server); // the first attempt arrived; the caller now waits 10 s to retry
			Thread.sleep(200);
			caller.interrupt();
			caller.join(5_000);
			assertThat(caller.isAlive()).as("caller still waiting after interrupt").isFalse();
			assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(8_000);
			assertThat(failure.get()).isInstanceOf(UploadcareException.class);
			assertThat(interruptedAfter.get()).isTrue();
			assertThat(this.server.getRequestCount()).isEqualTo(1);
		});
	}

}
