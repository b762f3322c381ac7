package io.github.ucgroups.autoconfigure;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

import io.github.ucgroups.UploadOptions;
import io.github.ucgroups.UploadService;
import io.github.ucgroups.UploadSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Upload work runs on virtual threads when the application enables Boot's switch
 * ({@code spring.threads.virtual.enabled=true}) on Java 21+, on platform threads otherwise, with
 * the same pool limits. The virtual-thread case needs Java 21+: the build runs this class on the
 * Temurin 25 JDK too (profile {@code java21-tests} in this module's pom).
 */
class VirtualUploadThreadsTest {

	private static final String UUID = "94a2218e-3526-428a-945e-65fbc06e7b35";

	private static final int FILES = 6;

	private static final int MAX_CONCURRENT_FILES = 2;

	@StartStop
	private final MockWebServer server = new MockWebServer();

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ImperativeHttpClientAutoConfiguration.class,
				RestClientAutoConfiguration.class, UploadcareAutoConfiguration.class));

	@Test
	void virtualThreadsWhenEnabledOnJava21() {
		assumeTrue(Runtime.version().feature() >= 21,
				"virtual threads need Java 21+; this JVM is Java " + Runtime.version().feature()
						+ " (the build runs this test on Temurin 25 where it is installed)");
		Set<Thread> threads = uploadAll("spring.threads.virtual.enabled=true");
		assertThat(threads).isNotEmpty().allMatch(VirtualUploadThreadsTest::isVirtual, "virtual");
		assertThat(threads).allMatch((thread) -> thread.getName().startsWith("uploadcare-upload-"));
	}

	@Test
	void platformThreadsWhenNotEnabled() {
		Set<Thread> threads = uploadAll("spring.threads.virtual.enabled=false");
		assertThat(threads).isNotEmpty().noneMatch(VirtualUploadThreadsTest::isVirtual);
		assertThat(threads).allMatch((thread) -> thread.getName().startsWith("uploadcare-upload-"))
			.noneMatch(Thread::isDaemon);
	}

	@Test
	void platformThreadsByDefault() {
		assertThat(uploadAll()).isNotEmpty().noneMatch(VirtualUploadThreadsTest::isVirtual);
	}

	@Test
	void enablingOnJava17ChangesNothing() {
		assumeTrue(Runtime.version().feature() < 21, "Java " + Runtime.version().feature() + " has virtual threads");
		assertThat(uploadAll("spring.threads.virtual.enabled=true")).isNotEmpty()
			.noneMatch(VirtualUploadThreadsTest::isVirtual);
	}

	/**
	 * Uploads {@link #FILES} files in one batch; returns the threads that sent them and checks
	 * that no more than {@link #MAX_CONCURRENT_FILES} were sent at once.
	 */
	private Set<Thread> uploadAll(String... properties) {
		this.server.setDispatcher(new Dispatcher() {
			@Override
			public MockResponse dispatch(RecordedRequest request) {
				return new MockResponse.Builder().code(200)
					.setHeader("Content-Type", "application/json")
					.body("{\"file\":\"" + UUID + "\"}")
					.build();
			}
		});
		Set<Thread> threads = ConcurrentHashMap.newKeySet();
		ConcurrencyGauge gauge = new ConcurrencyGauge();
		this.runner
			.withPropertyValues("uploadcare.public-key=demopublickey",
					"uploadcare.upload-url=" + this.server.url("/").toString().replaceAll("/$", ""),
					"uploadcare.upload.max-concurrent-files=" + MAX_CONCURRENT_FILES)
			.withPropertyValues(properties)
			// Interceptors run in the thread that sends the request: the upload thread.
			.withBean(UploadcareRestClientCustomizer.class, () -> (builder) -> builder
				.requestInterceptor((request, body, execution) -> {
					threads.add(Thread.currentThread());
					gauge.enter();
					try {
						Thread.sleep(50); // long enough for the other pool slots to be busy at once
						return execution.execute(request, body);
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
						throw new java.io.InterruptedIOException();
					}
					finally {
						gauge.exit();
					}
				}))
			.run((context) -> {
				List<UploadSource> sources = new ArrayList<>();
				for (int i = 0; i < FILES; i++) {
					sources.add(new SmallSource("f" + i + ".txt"));
				}
				assertThat(context.getBean(UploadService.class).uploadAll(sources, UploadOptions.defaults()))
					.hasSize(FILES);
			});
		assertThat(gauge.max).as("files uploaded at once").isBetween(1, MAX_CONCURRENT_FILES);
		return threads;
	}

	/** {@code Thread.isVirtual()}, which Java 17 (our compile target) does not have. */
	static boolean isVirtual(Thread thread) {
		try {
			return (boolean) Thread.class.getMethod("isVirtual").invoke(thread);
		}
		catch (NoSuchMethodException ex) {
			return false;
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static final class ConcurrencyGauge {

		private int current;

		volatile int max;

		synchronized void enter() {
			this.current++;
			this.max = Math.max(this.max, this.current);
		}

		synchronized void exit() {
			this.current--;
		}

	}

	/** A small source. */
	private record SmallSource(String filename) implements UploadSource {

		@Override
		public String contentType() {
			return "text/plain";
		}

		@Override
		public long size() {
			return 5;
		}

		@Override
		public InputStream open(long offset, long length) {
			return new ByteArrayInputStream("hello".getBytes(), (int) offset, (int) length);
		}

	}

}
