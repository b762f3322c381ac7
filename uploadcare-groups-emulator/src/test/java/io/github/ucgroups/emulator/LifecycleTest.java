package io.github.ucgroups.emulator;

import java.net.ConnectException;
import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LifecycleTest {

	@Test
	void startsFastOnAFreeLoopbackPortAndCloseStopsServerAndThreads() throws Exception {
		UploadcareEmulator.start().close();
		long start = System.nanoTime();
		UploadcareEmulator uc = UploadcareEmulator.start();
		Duration startup = Duration.ofNanos(System.nanoTime() - start);
		URI info = Http.uri(uc.uploadUrl(), "/group/info/?pub_key=demopublickey&group_id=x");
		try {
			assertThat(startup).isLessThan(Duration.ofSeconds(1));
			assertThat(uc.uploadUrl().getHost()).isEqualTo("127.0.0.1");
			assertThat(uc.port()).isPositive();
			assertThat(Http.get(info).statusCode()).isEqualTo(404);
			assertThat(workerThreadsAlive(uc.port())).as("a worker served the request").isTrue();
		}
		finally {
			uc.close();
		}
		assertThatThrownBy(() -> Http.get(info)).hasCauseInstanceOf(ConnectException.class);
		long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
		while (workerThreadsAlive(uc.port()) && System.nanoTime() < deadline) {
			Thread.sleep(20);
		}
		assertThat(workerThreadsAlive(uc.port())).isFalse();
	}

	private static boolean workerThreadsAlive(int port) {
		// Worker threads are named after their emulator's port.
		return Thread.getAllStackTraces()
			.keySet()
			.stream()
			.anyMatch((thread) -> thread.isAlive() && thread.getName().startsWith("uploadcare-emulator-" + port + "-"));
	}

	@Test
	void turnsOffNaglesAlgorithmUnlessTheUserDecided() {
		try (UploadcareEmulator emulator = UploadcareEmulator.start()) {
			// Without it every keep-alive exchange waits ~40 ms for a delayed ACK.
			assertThat(System.getProperty("sun.net.httpserver.nodelay")).isEqualTo("true");
			assertThat(emulator.port()).isPositive();
		}
	}

}
