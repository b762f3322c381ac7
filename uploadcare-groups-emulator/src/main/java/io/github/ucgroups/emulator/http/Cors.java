package io.github.ucgroups.emulator.http;

import org.jspecify.annotations.Nullable;

/**
 * Cross-origin headers for the Upload API, the part URLs and the CDN, so that a page on another
 * origin (Uploadcare's File Uploader, which sends {@code X-UC-User-Agent} on every call and
 * {@code Content-Type} on part {@code PUT}s) can use them: browsers preflight such requests and
 * refuse answers without these headers. The REST API, which needs the secret key, has none.
 */
final class Cors {

	static final String ALLOWED_METHODS = "GET, HEAD, POST, PUT, OPTIONS";

	static final String DEFAULT_ALLOWED_HEADERS = "X-UC-User-Agent, Content-Type, Authorization";

	private Cors() {
	}

	/**
	 * Answers a preflight.
	 * @param requestedHeaders the {@code Access-Control-Request-Headers} the browser sent, echoed
	 * when present
	 */
	static Response preflight(@Nullable String requestedHeaders) {
		String headers = (requestedHeaders == null || requestedHeaders.isBlank()) ? DEFAULT_ALLOWED_HEADERS
				: requestedHeaders;
		return allow(Response.empty(204)).header("Access-Control-Allow-Methods", ALLOWED_METHODS)
			.header("Access-Control-Allow-Headers", headers)
			.header("Access-Control-Max-Age", "600");
	}

	/** Lets any origin read an answer, including how long a throttled client must wait. */
	static Response allow(Response response) {
		return response.header("Access-Control-Allow-Origin", "*")
			.header("Access-Control-Expose-Headers", "Retry-After");
	}

}
