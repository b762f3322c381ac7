package io.github.ucgroups.emulator;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import io.github.ucgroups.emulator.junit.UploadcareEmulatorExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a browser page on another origin needs: preflights of the Upload API and the part URLs
 * answered with {@code Access-Control-Allow-*}, answers readable (including {@code Retry-After}).
 */
class CorsTest {

	static final String ORIGIN = "http://localhost:5173";

	@RegisterExtension
	static final UploadcareEmulatorExtension extension = new UploadcareEmulatorExtension();

	static UploadcareEmulator uc;

	@BeforeEach
	void useTheEmulator(UploadcareEmulator emulator) {
		uc = emulator;
	}

	static HttpResponse<String> preflight(URI uri, String method, String requestedHeaders) {
		return Http.send(HttpRequest.newBuilder(uri)
			.timeout(Duration.ofSeconds(10))
			.header("Origin", ORIGIN)
			.header("Access-Control-Request-Method", method)
			.header("Access-Control-Request-Headers", requestedHeaders)
			.method("OPTIONS", HttpRequest.BodyPublishers.noBody())
			.build());
	}

	@Test
	void preflightsOfUploadApiEndpointsAreAllowedWithTheFileUploadersHeaders() {
		for (String path : new String[] { "/base/", "/multipart/start/", "/multipart/complete/", "/from_url/",
				"/from_url/status/", "/group/", "/group/info/", "/info/" }) {
			HttpResponse<String> response = preflight(Http.uri(uc.uploadUrl(), path + "?jsonerrors=1"), "POST",
					"x-uc-user-agent");
			assertThat(response.statusCode()).as(path).isEqualTo(204);
			assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).as(path).hasValue("*");
			assertThat(response.headers().firstValue("Access-Control-Allow-Methods").orElseThrow()).as(path)
				.contains("POST", "GET", "PUT");
			assertThat(response.headers().firstValue("Access-Control-Allow-Headers").orElseThrow()).as(path)
				.containsIgnoringCase("X-UC-User-Agent");
		}
	}

	@Test
	void preflightWithoutRequestedHeadersAllowsTheHeadersUploadcareClientsSend() {
		HttpResponse<String> response = Http.send(HttpRequest.newBuilder(Http.uri(uc.uploadUrl(), "/base/"))
			.header("Origin", ORIGIN)
			.method("OPTIONS", HttpRequest.BodyPublishers.noBody())
			.build());
		assertThat(response.statusCode()).isEqualTo(204);
		assertThat(response.headers().firstValue("Access-Control-Allow-Headers").orElseThrow())
			.contains("X-UC-User-Agent", "Content-Type");
	}

	@Test
	void preflightOfAPartPutIsAllowedWithContentTypeAndIgnoresFaultRules() {
		String part = UploadsAndCdnContractTest.startMultipartOn(uc, 11 * UploadsAndCdnContractTest.MIB)
			.get("parts")
			.get(0)
			.asString();
		uc.faults().fail("/s3-part/", 1, 503);
		HttpResponse<String> response = preflight(URI.create(part), "PUT", "content-type,x-uc-user-agent");
		assertThat(response.statusCode()).isEqualTo(204);
		assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
		assertThat(response.headers().firstValue("Access-Control-Allow-Methods").orElseThrow()).contains("PUT");
		assertThat(response.headers().firstValue("Access-Control-Allow-Headers").orElseThrow())
			.isEqualTo("content-type,x-uc-user-agent");
		assertThat(uc.faults().hasPending()).as("the rule is kept for the PUT itself").isTrue();
		uc.faults().reset();
	}

	@Test
	void answersAndErrorsAreReadableFromAnotherOriginIncludingRetryAfter() {
		uc.faults().throttle("/group/info/", 1, Duration.ofSeconds(3));
		HttpResponse<String> throttled = Http.get(Http.uri(uc.uploadUrl(),
				"/group/info/?pub_key=demopublickey&group_id=x"));
		assertThat(throttled.statusCode()).isEqualTo(429);
		assertThat(throttled.headers().firstValue("Retry-After")).hasValue("3");
		assertThat(throttled.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
		assertThat(throttled.headers().firstValue("Access-Control-Expose-Headers").orElseThrow())
			.contains("Retry-After");
		HttpResponse<String> notFound = Http.get(Http.uri(uc.uploadUrl(), "/info/?pub_key=demopublickey&file_id=x"));
		assertThat(notFound.statusCode()).isEqualTo(404);
		assertThat(notFound.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
	}

	@Test
	void theCdnIsReadableFromAnotherOriginAndTheRestApiIsNot() {
		String uuid = uc.addFile("hello".getBytes(), "hello.txt", "text/plain");
		HttpResponse<String> file = Http.get(Http.uri(uc.cdnUrl(), "/" + uuid + "/"));
		assertThat(file.statusCode()).isEqualTo(200);
		assertThat(file.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
		assertThat(Http.get(Http.uri(uc.cdnUrl(), "/" + java.util.UUID.randomUUID() + "/")).headers()
			.firstValue("Access-Control-Allow-Origin")).hasValue("*");
		HttpResponse<String> rest = Http.get(Http.uri(uc.restUrl(), "/groups/"));
		assertThat(rest.statusCode()).isEqualTo(406);
		assertThat(rest.headers().firstValue("Access-Control-Allow-Origin")).as("REST needs the secret key").isEmpty();
	}

}
