package io.github.ucgroups.sample;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/** The HTTP client of the sample's HTTP tests. */
final class TestHttp {

	private TestHttp() {
	}

	/**
	 * A client of the app on the given port that returns every answer as it is: error statuses
	 * do not throw, and redirects are not followed (the JDK client's default; Apache HttpClient,
	 * which the sample app has and {@code RestClient.builder()} would pick, follows them), so
	 * tests see the app's own 303s.
	 */
	static RestClient client(int port) {
		return RestClient.builder()
			.requestFactory(new JdkClientHttpRequestFactory())
			.baseUrl("http://localhost:" + port)
			.defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
			})
			.build();
	}

}
