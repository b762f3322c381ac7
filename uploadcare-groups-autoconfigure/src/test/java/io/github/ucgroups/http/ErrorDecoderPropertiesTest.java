package io.github.ucgroups.http;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Random;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import io.github.ucgroups.UploadcareException;
import io.github.ucgroups.UploadcareServerException;

import org.springframework.http.HttpHeaders;

import static io.github.ucgroups.testsupport.RandomCases.check;
import static io.github.ucgroups.testsupport.RandomCases.integers;
import static io.github.ucgroups.testsupport.RandomCases.of;
import static io.github.ucgroups.testsupport.RandomCases.oneOf;
import static io.github.ucgroups.testsupport.RandomCases.strings;
import static org.assertj.core.api.Assertions.assertThat;

/** Whatever a server or proxy answers, decoding gives a typed result and nothing else. */
class ErrorDecoderPropertiesTest {

	private final ErrorDecoder decoder = new ErrorDecoder(JsonMapper.builder().build(), Clock.systemUTC());

	@Test
	void decodeNeverThrows() {
		Function<Random, Answer> answers = (random) -> new Answer(integers(100, 599).apply(random),
				retryAfters().apply(random), bodies().apply(random));
		check(0xDEC1L, 1000, answers, (answer) -> {
			HttpHeaders headers = new HttpHeaders();
			headers.set(HttpHeaders.RETRY_AFTER, answer.retryAfter());
			for (UploadcareApi api : UploadcareApi.values()) {
				byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
				UploadcareException ex = this.decoder.decode("op", api, answer.status(), headers, body,
						this.decoder.parse(body));
				if (answer.status() < 200 || answer.status() >= 300) {
					assertThat(ex).isNotNull();
				}
				if (ex != null) {
					assertThat(ex.getMessage()).hasSizeLessThan(2_000);
				}
			}
		});
	}

	@Test
	void readSuccessBodyGivesJsonOrServerException() {
		check(0xDEC2L, 500, bodies(), (body) -> {
			try {
				assertThat(readSuccessBody(body.getBytes(StandardCharsets.UTF_8))).isNotNull();
			}
			catch (UploadcareServerException ex) {
				assertThat(ex.getMessage()).hasSizeLessThan(2_000);
			}
		});
	}

	/** One answer; the body last, as it can be long. */
	record Answer(int status, String retryAfter, String body) {
	}

	private static Function<Random, String> bodies() {
		Function<Random, String> jsonish = strings("{}[]\":,0123456789 abcenrtul_", 0, 200);
		Function<Random, String> envelopes = of("{\"error\":{}}", "{\"error\":{\"status_code\":\"x\"}}",
				"{\"error\":{\"status_code\":-1}}", "{\"error\":{\"status_code\":99999999999}}",
				"{\"error\":{\"status_code\":200,\"content\":\"ok?\"}}", "{\"error\":{\"content\":{\"nested\":1}}}",
				"{\"error\":{\"status_code\":429}}", "{\"detail\":null}", "{\"detail\":{\"a\":1}}", "{\"error\":[]}",
				"[".repeat(5_000) + "]".repeat(5_000), "{\"a\":".repeat(3_000));
		return oneOf(strings(3_000), jsonish, envelopes);
	}

	private static Function<Random, String> retryAfters() {
		return oneOf(of("", "0", "-1", "1.5", "99999999999999999999", "Fri, 27 Nov 2026 10:00:20 GMT", "Mon, 32 Foo 2026",
				"  7  "), strings(40));
	}

	/** How the transport reads a successful answer: parsed once, then required to be JSON. */
	private tools.jackson.databind.JsonNode readSuccessBody(byte[] body) {
		return this.decoder.successJson("op", 200, body, this.decoder.parse(body));
	}

}
