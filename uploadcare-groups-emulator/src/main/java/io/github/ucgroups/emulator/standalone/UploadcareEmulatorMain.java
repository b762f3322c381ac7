package io.github.ucgroups.emulator.standalone;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import io.github.ucgroups.emulator.UploadcareEmulator;

/**
 * Runs the emulator until the process is stopped (Ctrl-C):
 * <pre>
 * java -jar uploadcare-groups-emulator-&lt;version&gt;-standalone.jar --port 8089 \
 *     --public-key demopublickey --secret-key demosecretkey [--signed-uploads-required]
 * </pre>
 * It prints the Upload API, REST API and CDN base URLs (the REST API and CDN on the next two
 * ports unless {@code --rest-port}/{@code --cdn-port} say otherwise; {@code --port 0} picks free
 * ports) and stops its servers cleanly on shutdown. {@code --host} binds another loopback
 * address.
 */
public final class UploadcareEmulatorMain {

	static final String USAGE = """
			Usage: java -jar uploadcare-groups-emulator-<version>-standalone.jar [options]
			  --port <n>                 Upload API port (default 8089; 0 picks free ports)
			  --rest-port <n>            REST API port (default: port + 1)
			  --cdn-port <n>             CDN port (default: port + 2)
			  --host <address>           loopback address to bind (default 127.0.0.1)
			  --public-key <key>         project public key (default demopublickey)
			  --secret-key <key>         project secret key (default demosecretkey)
			  --signed-uploads-required  refuse unsigned uploads, as a project with signed uploads does
			  --help                     print this text""";

	private UploadcareEmulatorMain() {
	}

	/**
	 * Starts the emulator and waits until the JVM shuts down.
	 * @param args the command line, see the class description
	 * @throws InterruptedException if interrupted while waiting
	 */
	public static void main(String[] args) throws InterruptedException {
		UploadcareEmulator.Builder builder;
		try {
			builder = parse(args);
		}
		catch (IllegalArgumentException ex) {
			System.err.println(ex.getMessage());
			System.err.println(USAGE);
			System.exit(2);
			return;
		}
		if (builder == null) {
			System.out.println(USAGE);
			return;
		}
		UploadcareEmulator emulator = builder.start();
		CountDownLatch stopped = new CountDownLatch(1);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			emulator.close();
			System.out.println("Uploadcare emulator stopped.");
			stopped.countDown();
		}, "uploadcare-emulator-shutdown"));
		printUrls(emulator, System.out);
		stopped.await();
	}

	/** Prints where each API is, one per line, and the project's public key. */
	static void printUrls(UploadcareEmulator emulator, PrintStream out) {
		out.println("Uploadcare emulator running (Ctrl-C to stop)");
		out.println("  Upload API: " + emulator.uploadUrl());
		out.println("  REST API:   " + emulator.restUrl());
		out.println("  CDN:        " + emulator.cdnUrl());
		out.println("  public key: " + emulator.publicKey() + ", signed uploads "
				+ (emulator.signedUploadsRequired() ? "required" : "not required"));
		out.flush();
	}

	/**
	 * Reads the command line into a builder.
	 * @param args the arguments
	 * @return the builder, or {@code null} when {@code --help} was asked for
	 * @throws IllegalArgumentException naming the option that is wrong
	 */
	static UploadcareEmulator.Builder parse(String[] args) {
		UploadcareEmulator.Builder builder = UploadcareEmulator.builder().port(8089);
		List<String> rest = new ArrayList<>(List.of(args));
		while (!rest.isEmpty()) {
			String option = rest.remove(0);
			String value = null;
			int equals = option.indexOf('=');
			if (option.startsWith("--") && equals > 0) {
				value = option.substring(equals + 1);
				option = option.substring(0, equals);
			}
			switch (option) {
				case "--help", "-h" -> {
					return null;
				}
				case "--signed-uploads-required" -> builder.signedUploadsRequired(true);
				case "--port" -> builder.port(port(option, value(option, value, rest)));
				case "--rest-port" -> builder.restPort(port(option, value(option, value, rest)));
				case "--cdn-port" -> builder.cdnPort(port(option, value(option, value, rest)));
				case "--host" -> builder.host(value(option, value, rest));
				case "--public-key" -> builder.publicKey(value(option, value, rest));
				case "--secret-key" -> builder.secretKey(value(option, value, rest));
				default -> throw new IllegalArgumentException("Unknown option: " + option);
			}
		}
		return builder;
	}

	private static String value(String option, String inline, List<String> rest) {
		if (inline != null) {
			return inline;
		}
		if (rest.isEmpty() || rest.get(0).startsWith("--")) {
			throw new IllegalArgumentException(option + " needs a value");
		}
		return rest.remove(0);
	}

	private static int port(String option, String value) {
		try {
			return Integer.parseInt(value);
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException(option + " must be a port number, was '" + value + "'");
		}
	}

}
