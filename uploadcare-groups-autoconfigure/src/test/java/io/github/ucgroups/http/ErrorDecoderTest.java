package io.github.ucgroups.http;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import io.github.ucgroups.UploadcareAuthenticationException;
import io.github.ucgroups.UploadcareException;
import io.github.ucgroups.UploadcareInvalidRequestException;
import io.github.ucgroups.UploadcareNotFoundException;
import io.github.ucgroups.UploadcareServerException;
import io.github.ucgroups.UploadcareThrottledException;
import io.github.ucgroups.testsupport.MutableClock;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ErrorDecoderTest {

	private final ErrorDecoder decoder = new ErrorDecoder(JsonMapper.builder().build(),
			new MutableClock(Instant.parse("2026-11-27T10:00:00Z")));

	private UploadcareException decode(UploadcareApi api, int status, HttpHeaders headers, String body) {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		return this.decoder.decode("op", api, status, headers, bytes, this.decoder.parse(bytes));
	}

	private UploadcareException decode(int status, String body) {
		return decode(UploadcareApi.UPLOAD, status, new HttpHeaders(), body);
	}

	@Test
	void successIsNoError() {
		assertThat(decode(200, "{\"id\":\"x\"}")).isNull();
		assertThat(decode(200, "")).isNull();
		assertThat(decode(201, "[1,2]")).isNull();
		assertThat(decode(204, "")).isNull();
		assertThat(decode(200, "{\"error\":null,\"id\":\"x\"}")).isNull();
		assertThat(decode(200, "{\"error\":\"a string is not the envelope\"}")).isNull();
	}

	@Test
	void restSuccessIsNeverReadAsAnEnvelope() {
		assertThat(decode(UploadcareApi.REST, 200, new HttpHeaders(),
				"{\"error\":{\"status_code\":400,\"content\":\"x\"}}")).isNull();
	}

	@Test
	void throttlingIsRecognisedByItsErrorCodeWhateverStatusItCameWith() {
		HttpHeaders retryAfter = new HttpHeaders();
		retryAfter.set(HttpHeaders.RETRY_AFTER, "3");
		// an envelope whose status field is not 429
		UploadcareException enveloped = decode(UploadcareApi.UPLOAD, 200, retryAfter,
				"{\"error\":{\"status_code\":400,\"content\":\"Request was throttled.\","
						+ "\"error_code\":\"RequestThrottledError\"}}");
		assertThat(enveloped).isInstanceOfSatisfying(UploadcareThrottledException.class, (ex) -> {
			assertThat(ex.isTransient()).isTrue();
			assertThat(ex.getRetryAfter()).contains(Duration.ofSeconds(3));
			assertThat(ex.getErrorCode()).isEqualTo("RequestThrottledError");
		});
		// an envelope without a status field
		assertThat(decode(200, "{\"error\":{\"content\":\"Request was throttled.\","
				+ "\"error_code\":\"RequestThrottledError\"}}")).isInstanceOf(UploadcareThrottledException.class);
		// a gateway's status with Uploadcare's envelope inside
		assertThat(decode(503, "{\"error\":{\"status_code\":503,\"content\":\"Request was throttled.\","
				+ "\"error_code\":\"RequestThrottledError\"}}")).isInstanceOf(UploadcareThrottledException.class);
		// a 429 stays throttling whatever its envelope says
		assertThat(decode(429, "{\"error\":{\"status_code\":400,\"content\":\"Request was throttled.\","
				+ "\"error_code\":\"RequestThrottledError\"}}")).isInstanceOf(UploadcareThrottledException.class);
	}

	@Test
	void envelopeWithoutStatusCountsAsBadRequest() {
		UploadcareException ex = decode(200, "{\"error\":{\"content\":\"No files[N] parameters found.\"}}");
		assertThat(ex).isInstanceOf(UploadcareInvalidRequestException.class);
		assertThat(ex.getStatus()).isEqualTo(400);
		assertThat(ex.getDetail()).isEqualTo("No files[N] parameters found.");
	}

	@Test
	void envelopeWithRealStatusKeepsTheCode() {
		UploadcareException ex = decode(400,
				"{\"error\":{\"status_code\":400,\"content\":\"This is not valid file url: x.\",\"error_code\":\"GroupFileURLParsingFailedError\"}}");
		assertThat(ex).isInstanceOf(UploadcareInvalidRequestException.class);
		assertThat(ex.getErrorCode()).isEqualTo("GroupFileURLParsingFailedError");
		assertThat(ex.getDetail()).isEqualTo("This is not valid file url: x.");
	}

	@Test
	void restDetailForm() {
		UploadcareException notFound = decode(UploadcareApi.REST, 404, new HttpHeaders(), "{\"detail\":\"Not found.\"}");
		assertThat(notFound).isInstanceOf(UploadcareNotFoundException.class);
		assertThat(notFound.getDetail()).isEqualTo("Not found.");
		UploadcareException unauthorized = decode(UploadcareApi.REST, 401, new HttpHeaders(),
				"{\"detail\":\"Incorrect authentication credentials.\"}");
		assertThat(unauthorized).isInstanceOf(UploadcareAuthenticationException.class);
	}

	@Test
	void throttlingCarriesRetryAfterInSecondsOrAsDate() {
		HttpHeaders seconds = new HttpHeaders();
		seconds.set(HttpHeaders.RETRY_AFTER, "10");
		UploadcareException ex = decode(UploadcareApi.REST, 429, seconds,
				"{\"detail\":\"Request was throttled. Expected available in 10 seconds.\"}");
		assertThat(ex).isInstanceOf(UploadcareThrottledException.class);
		assertThat(((UploadcareThrottledException) ex).getRetryAfter()).contains(Duration.ofSeconds(10));
		assertThat(ex.isTransient()).isTrue();
		HttpHeaders date = new HttpHeaders();
		date.set(HttpHeaders.RETRY_AFTER, "Fri, 27 Nov 2026 10:00:20 GMT");
		UploadcareThrottledException dated = (UploadcareThrottledException) decode(UploadcareApi.UPLOAD, 429, date,
				"Request was throttled.");
		assertThat(dated.getRetryAfter()).contains(Duration.ofSeconds(20));
		assertThat(dated.getDetail()).isEqualTo("Request was throttled.");
		UploadcareThrottledException none = (UploadcareThrottledException) decode(429, "Request was throttled.");
		assertThat(none.getRetryAfter()).isEmpty();
	}

	@Test
	void otherStatuses() {
		assertThat(decode(413, "Request entity too large")).isInstanceOf(UploadcareInvalidRequestException.class)
			.extracting(UploadcareException::getStatus)
			.isEqualTo(413);
		assertThat(decode(500, "Internal error.")).isInstanceOf(UploadcareServerException.class);
		assertThat(decode(302, "")).isInstanceOf(UploadcareServerException.class);
		assertThat(decode(403, "Account has reached its limits.")).isInstanceOf(UploadcareAuthenticationException.class);
	}

	@Test
	void malformedJsonFallsBackToText() {
		UploadcareException ex = decode(400, "{not json");
		assertThat(ex).isInstanceOf(UploadcareInvalidRequestException.class);
		assertThat(ex.getDetail()).isEqualTo("{not json");
	}

	@Test
	void htmlIsSummarised() {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.parseMediaType("text/html; charset=utf-8"));
		UploadcareException ex = decode(UploadcareApi.UPLOAD, 504, headers, "<html><body>Gateway Timeout</body></html>");
		assertThat(ex).isInstanceOf(UploadcareServerException.class);
		assertThat(ex.getDetail()).doesNotContain("<html>").contains("504");
	}

	@Test
	void successBodyMustBeJson() {
		assertThatExceptionOfType(UploadcareServerException.class)
			.isThrownBy(() -> readSuccessBody("<html>".getBytes(StandardCharsets.UTF_8)));
		assertThatExceptionOfType(UploadcareServerException.class)
			.isThrownBy(() -> readSuccessBody(new byte[0]));
		assertThatExceptionOfType(UploadcareServerException.class)
			.isThrownBy(() -> readSuccessBody("{\"a\":".getBytes(StandardCharsets.UTF_8)));
		assertThat(readSuccessBody(" {\"a\":1}".getBytes(StandardCharsets.UTF_8)).path("a").asInt())
			.isEqualTo(1);
	}

	/** How the transport reads a successful answer: parsed once, then required to be JSON. */
	private tools.jackson.databind.JsonNode readSuccessBody(byte[] body) {
		return this.decoder.successJson("op", 200, body, this.decoder.parse(body));
	}

}
