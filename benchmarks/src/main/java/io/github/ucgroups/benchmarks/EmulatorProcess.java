package io.github.ucgroups.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A forked {@link EmulatorMain}; closing it closes the emulator (which deletes its temp files). */
public final class EmulatorProcess implements AutoCloseable {

	private final Process process;

	private final int port;

	private final int restPort;

	private final int cdnPort;

	private final List<String> seeded;

	private EmulatorProcess(Process process, int port, int restPort, int cdnPort, List<String> seeded) {
		this.process = process;
		this.port = port;
		this.restPort = restPort;
		this.cdnPort = cdnPort;
		this.seeded = seeded;
	}

	public static EmulatorProcess start(long delayMs, int seedFiles) {
		String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		ProcessBuilder builder = new ProcessBuilder(javaBin, "-Xms256m", "-Xmx1g",
				// JDK HttpServer writes headers and body separately; without TCP_NODELAY, Nagle + delayed ACK add ~40 ms
				"-Dsun.net.httpserver.nodelay=true", "-cp",
				System.getProperty("java.class.path"), EmulatorMain.class.getName(), Long.toString(delayMs),
				Integer.toString(seedFiles));
		builder.redirectError(ProcessBuilder.Redirect.INHERIT);
		try {
			Process process = builder.start();
			BufferedReader out = new BufferedReader(
					new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
			String line;
			while ((line = out.readLine()) != null) {
				if (line.startsWith("READY ")) {
					String[] parts = line.split(" ");
					List<String> uuids = (parts.length > 4) ? Arrays.asList(parts[4].split(",")) : List.of();
					Thread drain = new Thread(() -> {
						try {
							out.transferTo(java.io.Writer.nullWriter());
						}
						catch (IOException ex) {
							// the process ended
						}
					}, "emulator-stdout");
					drain.setDaemon(true);
					drain.start();
					return new EmulatorProcess(process, Integer.parseInt(parts[1]), Integer.parseInt(parts[2]),
							Integer.parseInt(parts[3]), uuids);
				}
			}
			throw new IllegalStateException("The emulator process ended before it was ready");
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot start the emulator process", ex);
		}
	}

	public URI uploadUrl() {
		return URI.create("http://127.0.0.1:" + this.port);
	}

	/** The REST API, on its own port (as the real service has its own host). */
	public URI restUrl() {
		return URI.create("http://127.0.0.1:" + this.restPort);
	}

	/** The CDN, on its own port. */
	public URI cdnUrl() {
		return URI.create("http://127.0.0.1:" + this.cdnPort);
	}

	public int port() {
		return this.port;
	}

	public List<String> seeded() {
		return this.seeded;
	}

	@Override
	public void close() {
		try {
			this.process.getOutputStream().close();
			if (!this.process.waitFor(60, TimeUnit.SECONDS)) {
				this.process.destroy();
			}
		}
		catch (IOException | InterruptedException ex) {
			this.process.destroy();
		}
	}

}
