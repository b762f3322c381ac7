package io.github.ucgroups.emulator.resilience;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.github.ucgroups.emulator.UploadcareEmulator;
import io.github.ucgroups.emulator.store.StoredFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 8 concurrent 100 MiB uploads through {@code UploadService} in a JVM limited to
 * {@code -Xmx256m} (started here, so the surefire JVM's own heap setting does not matter): all
 * succeed, which they could not if parts or files were held in memory (800 MiB in all). The
 * emulator runs in this JVM and streams parts to disk. The child prints its heap figures; they
 * are recorded in the README (Operating in production).
 */
@Timeout(240)
class LargeUploadsMemoryTest {

	@Test
	void eightConcurrentHundredMebibyteUploadsSucceedWithin256MebibytesOfHeap() throws Exception {
		try (UploadcareEmulator uc = UploadcareEmulator.start()) {
			String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
			ProcessBuilder builder = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
					"-Dlogging.level.root=INFO", LargeUploadsMemoryMain.class.getName(), uc.uploadUrl().toString(),
					uc.publicKey())
				.redirectErrorStream(true);
			Process child = builder.start();
			List<String> lines = new ArrayList<>();
			List<String> results = new ArrayList<>();
			String heap = null;
			try (BufferedReader out = new BufferedReader(
					new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
				for (String line = out.readLine(); line != null; line = out.readLine()) {
					if (!line.contains(" DEBUG ")) {
						lines.add(line);
					}
					if (line.startsWith("RESULT ")) {
						results.add(line);
					}
					if (line.startsWith("HEAP ")) {
						heap = line;
					}
				}
			}
			finally {
				if (!child.waitFor(200, TimeUnit.SECONDS)) {
					child.destroyForcibly();
				}
			}
			String tail = String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
			assertThat(child.exitValue()).as("child output:\n" + tail).isZero();
			System.out.println("memory: " + heap);
			assertThat(results).as(tail).hasSize(LargeUploadsMemoryMain.COUNT);
			assertThat(heap).isNotNull().contains("max=");
			List<StoredFile> files = uc.files();
			assertThat(files).hasSize(LargeUploadsMemoryMain.COUNT)
				.allSatisfy((file) -> assertThat(file.size()).isEqualTo(LargeUploadsMemoryMain.SIZE));
			for (String result : results) {
				assertThat(uc.file(result.split(" ")[1])).isPresent();
			}
		}
	}

}
