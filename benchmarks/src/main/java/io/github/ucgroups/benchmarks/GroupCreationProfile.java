package io.github.ucgroups.benchmarks;

import java.util.List;
import java.util.Map;

import com.uploadcare.api.Client;
import io.github.ucgroups.FileRef;

/**
 * One client of scenario 1 in a closed loop, for a profiler: run it under JFR
 * ({@code -XX:StartFlightRecording=filename=...,settings=profile}) and read where the time per
 * group creation goes. Arguments: {@code ours-<engine> | official | raw}, concurrency, seconds.
 * The emulator runs in its own JVM, so the recording holds the client's work only.
 */
public final class GroupCreationProfile {

	private GroupCreationProfile() {
	}

	public static void main(String[] args) throws Exception {
		String client = args[0];
		int threads = Integer.parseInt(args[1]);
		long millis = Long.parseLong(args[2]) * 1000;
		try (EmulatorProcess emulator = EmulatorProcess.start(0, 10)) {
			List<String> files = emulator.seeded();
			OurClient ours = client.startsWith("ours-")
					? OurClient.start(emulator, Map.of("uploadcare.http.client-factory", client.substring(5))) : null;
			Client official = OfficialClient.create(emulator.uploadUrl());
			Wire raw = new Wire(emulator.uploadUrl());
			Runnable call = switch (client) {
				case "official" -> () -> official.createGroup(files);
				case "raw" -> () -> raw.createGroup(files);
				default -> () -> ours.groups().createGroup(FileRef.parseAll(files));
			};
			Load.run(call, threads, 3000);
			Load.Window window = Load.run(call, threads, millis);
			System.out.printf("%s, concurrency %d: %.0f ops/s over %d calls%n", client, threads,
					window.opsPerSecond(), window.latencies().length);
			if (ours != null) {
				ours.close();
			}
		}
	}

}
