package io.github.ucgroups.emulator.resilience;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import io.github.ucgroups.UploadSource;
import io.github.ucgroups.autoconfigure.UploadcareAutoConfiguration;
import io.github.ucgroups.autoconfigure.UploadcareRestAutoConfiguration;
import io.github.ucgroups.autoconfigure.health.UploadcareHealthContributorAutoConfiguration;
import io.github.ucgroups.emulator.UploadcareEmulator;
import io.github.ucgroups.emulator.store.StoredFile;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * Shared set-up of the resilience suite: the starter's own auto-configuration pointed at an
 * emulator through {@code uploadcare.*} properties, with short back-offs so that retries of
 * server errors do not slow the build; plus small helpers.
 */
final class Resilience {

	static final AutoConfigurations CLIENT = AutoConfigurations.of(UploadcareAutoConfiguration.class,
			UploadcareRestAutoConfiguration.class, UploadcareHealthContributorAutoConfiguration.class);

	/** Files of at least this size go multipart (the starter's default threshold). */
	static final int MULTIPART_SIZE = 10 * 1024 * 1024 + 1;

	private Resilience() {
	}

	static ApplicationContextRunner runner(UploadcareEmulator uc, String... properties) {
		List<String> values = new ArrayList<>(List.of("uploadcare.public-key=" + uc.publicKey(),
				"uploadcare.upload-url=" + uc.uploadUrl(), "uploadcare.rest-url=" + uc.restUrl(),
				"uploadcare.cdn-url=" + uc.cdnUrl(), "uploadcare.retry.initial-delay=20ms",
				"uploadcare.retry.max-delay=100ms"));
		values.addAll(List.of(properties));
		return new ApplicationContextRunner().withConfiguration(CLIENT)
			.withPropertyValues(values.toArray(String[]::new));
	}

	static UploadSource small(String name) {
		return UploadSource.of(("content of " + name).getBytes(StandardCharsets.UTF_8), name + ".txt", "text/plain");
	}

	/** A file just above the multipart threshold: three 5 MiB parts, the last one tiny. */
	static UploadSource large(String name) {
		byte[] bytes = new byte[MULTIPART_SIZE];
		for (int i = 0; i < bytes.length; i += 4096) {
			bytes[i] = (byte) (i >>> 12);
		}
		return UploadSource.of(bytes, name + ".bin", "application/octet-stream");
	}

	static Set<String> fileUuids(UploadcareEmulator uc) {
		return uc.files().stream().map(StoredFile::uuid).collect(Collectors.toCollection(HashSet::new));
	}

	/** Waits (bounded) for the condition; returns whether it came true. */
	static boolean eventually(Duration timeout, BooleanSupplier condition) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			if (condition.getAsBoolean()) {
				return true;
			}
			Thread.sleep(50);
		}
		return condition.getAsBoolean();
	}

	/** Names of the live threads the starter starts for uploads. */
	static List<String> uploadThreads() {
		return Thread.getAllStackTraces()
			.keySet()
			.stream()
			.filter(Thread::isAlive)
			.map(Thread::getName)
			.filter((name) -> name.startsWith("uploadcare-upload-") || name.startsWith("uploadcare-part-"))
			.sorted()
			.toList();
	}

}
