package io.github.ucgroups.rest;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRequest;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

/**
 * Adds the REST API's headers to every request, computed from the final request (its URI and
 * body bytes as they go out) so that the signature is exact and fresh on every attempt:
 * {@code Accept: application/vnd.uploadcare-v0.7+json}, {@code Content-Type: application/json},
 * {@code Date} and {@code Authorization: Uploadcare <public key>:<signature>}.
 */
public final class RestSigningInterceptor implements ClientHttpRequestInterceptor {

	/** The {@code Accept} value selecting REST API version 0.7. */
	public static final String ACCEPT = "application/vnd.uploadcare-v0.7+json";

	/** The {@code Content-Type} sent (and signed) on every request. */
	public static final String CONTENT_TYPE = MediaType.APPLICATION_JSON_VALUE;

	private final RestRequestSigner signer;

	private final Clock clock;

	/**
	 * Creates the interceptor.
	 * @param signer signs requests
	 * @param clock the clock for the {@code Date} header
	 */
	public RestSigningInterceptor(RestRequestSigner signer, Clock clock) {
		this.signer = Objects.requireNonNull(signer, "signer must not be null");
		this.clock = Objects.requireNonNull(clock, "clock must not be null");
	}

	@Override
	public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
			throws IOException {
		String date = RestRequestSigner.formatDate(this.clock.instant());
		HttpHeaders headers = request.getHeaders();
		headers.put(HttpHeaders.ACCEPT, List.of(ACCEPT));
		headers.put(HttpHeaders.CONTENT_TYPE, List.of(CONTENT_TYPE));
		headers.put(HttpHeaders.DATE, List.of(date));
		headers.put(HttpHeaders.AUTHORIZATION, List.of(this.signer.authorization(request.getMethod().name(), body,
				CONTENT_TYPE, date, pathWithQuery(request.getURI()))));
		return execution.execute(request, body);
	}

	/**
	 * Returns the raw path and query of a URI as the server receives them.
	 * @param uri the request URI
	 * @return e.g. {@code /groups/?limit=10}
	 */
	static String pathWithQuery(URI uri) {
		String path = uri.getRawPath();
		if (path == null || path.isEmpty()) {
			path = "/";
		}
		String query = uri.getRawQuery();
		return (query != null) ? path + "?" + query : path;
	}

}
