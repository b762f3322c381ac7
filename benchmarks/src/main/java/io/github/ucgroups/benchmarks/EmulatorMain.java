package io.github.ucgroups.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.github.ucgroups.emulator.UploadcareEmulator;

/**
 * Runs the emulator in its own JVM, so that its CPU allocation and heap never count against the
 * client being measured. Arguments: injected latency in ms (applied to every request), number of
 * 1 KiB files to seed. Prints {@code READY <upload port> <REST port> <CDN port> <uuid,uuid,...>} and runs until stdin closes.
 */
public final class EmulatorMain {

	private EmulatorMain() {
	}

	public static void main(String[] args) throws Exception {
		long delayMs = Long.parseLong(args[0]);
		int seed = Integer.parseInt(args[1]);
		try (UploadcareEmulator uc = UploadcareEmulator.builder()
			.threads(64)
			// uploads above 64 KiB go to the emulator's temp dir: thousands of 1 MiB files would not fit in its heap
			.maxInMemoryFileSize(64 * 1024)
			.start()) {
			List<String> uuids = new ArrayList<>();
			byte[] content = new byte[1024];
			for (int i = 0; i < seed; i++) {
				uuids.add(uc.addFile(content, "seed-" + i + ".bin", "application/octet-stream"));
			}
			if (delayMs > 0) {
				uc.faults().delay("/", Duration.ofMillis(delayMs));
			}
			System.out.println("READY " + uc.port() + " " + uc.restPort() + " " + uc.cdnPort() + " " + String.join(",", uuids));
			System.out.flush();
			while (System.in.read() != -1) {
				// wait for the parent to close our stdin
			}
		}
	}

}
