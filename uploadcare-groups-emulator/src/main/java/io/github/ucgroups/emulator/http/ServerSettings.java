package io.github.ucgroups.emulator.http;

import java.time.Clock;
import java.util.function.Predicate;

/**
 * How the emulator's server behaves; built by
 * {@link io.github.ucgroups.emulator.UploadcareEmulator.Builder}.
 *
 * @param host the loopback address to bind, e.g. {@code 127.0.0.1}
 * @param port the Upload API's port, 0 for a free one
 * @param restPort the REST API's port, 0 for a free one
 * @param cdnPort the CDN's port, 0 for a free one
 * @param publicKey the project's public key
 * @param secretKey the project's secret key
 * @param signedUploadsRequired whether signable Upload API requests must carry a signature or
 * token
 * @param jsonErrorsWithHttpStatus whether {@code jsonerrors=1} errors keep their real HTTP
 * status instead of 200
 * @param threads the number of request-handling threads
 * @param fromUrlHostAllowed which hosts {@code /from_url/} may fetch from
 * @param clock the clock for timestamps, signature expiry and the REST {@code Date} window
 */
public record ServerSettings(String host, int port, int restPort, int cdnPort, String publicKey, String secretKey,
		boolean signedUploadsRequired, boolean jsonErrorsWithHttpStatus, int threads,
		Predicate<String> fromUrlHostAllowed, Clock clock) {
}
