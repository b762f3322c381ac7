package io.github.ucgroups.http;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.concurrent.ForkJoinPool;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.github.ucgroups.FileRef;
import io.github.ucgroups.GroupService;
import io.github.ucgroups.UploadcareInvalidRequestException;
import io.github.ucgroups.autoconfigure.UploadcareAutoConfiguration;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The HTTP client reuses its threads: requests do not start a thread each (the benchmarks found
 * two per request before the client was given an executor). With the default engine where
 * Apache HttpClient 5 is present ({@code uploadcare.http.client-factory=auto}, as here), and with
 * Jetty's client, no thread at all is started per request, at any processor count. The JDK engine's {@code sendAsync},
 * which Spring uses, still hops once to {@code CompletableFuture}'s default executor, which
 * starts a thread per task where the common pool has parallelism 1 (machines with 2 CPUs or
 * fewer), so one thread per request is allowed there. The build runs this class again with
 * {@code -XX:ActiveProcessorCount=1}, {@code 2} and {@code 8} (surefire executions in the pom).
 */
class ThreadsPerRequestTest {

	private static final int CALLS = 60;

	@StartStop
	private final MockWebServer server = new MockWebServer();

	@ParameterizedTest
	@ValueSource(strings = { "auto", "http-components", "jetty", "jdk", "jdk without Boot's HTTP client support" })
	void requestsReuseThreads(String engine) {
		boolean bootHttpClient = !engine.startsWith("jdk without");
		for (int i = 0; i < CALLS + 10; i++) {
			this.server.enqueue(new MockResponse.Builder().code(400).body("Some files not found.").build());
		}
		ApplicationContextRunner runner = new ApplicationContextRunner()
			.withConfiguration(bootHttpClient
					? AutoConfigurations.of(ImperativeHttpClientAutoConfiguration.class,
							RestClientAutoConfiguration.class, UploadcareAutoConfiguration.class)
					: AutoConfigurations.of(UploadcareAutoConfiguration.class))
			.withPropertyValues("uploadcare.public-key=demopublickey",
					"uploadcare.upload-url=" + this.server.url("/").toString().replaceAll("/$", ""),
					"uploadcare.retry.max-attempts=1");
		if (bootHttpClient) {
			runner = runner.withPropertyValues("uploadcare.http.client-factory=" + engine);
		}
		if (!bootHttpClient) {
			runner = runner.withClassLoader(new FilteredClassLoader("org.springframework.boot.http.client"));
		}
		runner.run((context) -> {
			GroupService groups = context.getBean(GroupService.class);
			// A request with a body: Spring writes bodies through the client's executor.
			List<String> files = List.of("94a2218e-3526-428a-945e-65fbc06e7b35");
			for (int i = 0; i < 10; i++) { // warm-up: connections and pools
				assertThatExceptionOfType(UploadcareInvalidRequestException.class)
					.isThrownBy(() -> groups.createGroup(FileRef.parseAll(files)));
			}
			ThreadMXBean threads = ManagementFactory.getThreadMXBean();
			long before = threads.getTotalStartedThreadCount();
			for (int i = 0; i < CALLS; i++) {
				assertThatExceptionOfType(UploadcareInvalidRequestException.class)
					.isThrownBy(() -> groups.createGroup(FileRef.parseAll(files)));
			}
			double perCall = (threads.getTotalStartedThreadCount() - before) / (double) CALLS;
			System.out.printf("threads started per request: %.2f (%s, %d processors, common pool parallelism %d)%n",
					perCall, engine, Runtime.getRuntime().availableProcessors(),
					ForkJoinPool.getCommonPoolParallelism());
			boolean pooled = engine.equals("auto") || engine.equals("http-components") || engine.equals("jetty");
			double allowed = (pooled || ForkJoinPool.getCommonPoolParallelism() > 1) ? 0.2 : 1.2;
			assertThat(perCall)
				.as("threads started per request (%s, %d processors)", engine,
						Runtime.getRuntime().availableProcessors())
				.isLessThanOrEqualTo(allowed);
		});
	}

}
