package io.github.ucgroups.http;

import java.nio.charset.StandardCharsets;
import java.time.Clock;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import tools.jackson.databind.json.JsonMapper;

import io.github.ucgroups.UploadcareException;
import io.github.ucgroups.UploadcareServerException;

import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;

/** Whatever a server or proxy answers, decoding gives a typed result and nothing else. */
class ErrorDecoderPropertiesTest {

	private final ErrorDecoder decoder = new ErrorDecoder(JsonMapper.builder().build(), Clock.systemUTC());

	@Property(tries = 1000)
	void decodeNeverThrows(@ForAll @IntRange(min = 100, max = 599) int status, @ForAll("bodies") String body,
			@ForAll("retryAfters") String retryAfter) {
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.RETRY_AFTER, retryAfter);
		for (UploadcareApi api : UploadcareApi.values()) {
			UploadcareException ex = this.decoder.decode("op", api, status, headers, body.getBytes(StandardCharsets.UTF_8));
			if (status < 200 || status >= 300) {
				assertThat(ex).isNotNull();
			}
			if (ex != null) {
				assertThat(ex.getMessage()).hasSizeLessThan(2_000);
			}
		}
	}

	@Property(tries = 500)
	void readSuccessBodyGivesJsonOrServerException(@ForAll("bodies") String body) {
		try {
			assertThat(this.decoder.readSuccessBody("op", 200, body.getBytes(StandardCharsets.UTF_8))).isNotNull();
		}
		catch (UploadcareServerException ex) {
			assertThat(ex.getMessage()).hasSizeLessThan(2_000);
		}
	}

	@Provide
	Arbitrary<String> bodies() {
		Arbitrary<String> any = Arbitraries.strings().ofMaxLength(3_000);
		Arbitrary<String> jsonish = Arbitraries.strings().withChars("{}[]\":,0123456789 abcenrtul_").ofMaxLength(200);
		Arbitrary<String> envelopes = Arbitraries.of("{\"error\":{}}", "{\"error\":{\"status_code\":\"x\"}}",
				"{\"error\":{\"status_code\":-1}}", "{\"error\":{\"status_code\":99999999999}}",
				"{\"error\":{\"status_code\":200,\"content\":\"ok?\"}}", "{\"error\":{\"content\":{\"nested\":1}}}",
				"{\"error\":{\"status_code\":429}}", "{\"detail\":null}", "{\"detail\":{\"a\":1}}", "{\"error\":[]}",
				"[".repeat(5_000) + "]".repeat(5_000), "{\"a\":".repeat(3_000));
		return Arbitraries.oneOf(any, jsonish, envelopes);
	}

	@Provide
	Arbitrary<String> retryAfters() {
		return Arbitraries.oneOf(Arbitraries.of("", "0", "-1", "1.5", "99999999999999999999", "Fri, 27 Nov 2026 10:00:20 GMT",
				"Mon, 32 Foo 2026", "  7  "), Arbitraries.strings().ofMaxLength(40));
	}

}
