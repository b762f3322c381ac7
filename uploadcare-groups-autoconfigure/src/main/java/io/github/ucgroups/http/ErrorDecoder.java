package io.github.ucgroups.http;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.github.ucgroups.UploadcareAuthenticationException;
import io.github.ucgroups.UploadcareException;
import io.github.ucgroups.UploadcareInvalidRequestException;
import io.github.ucgroups.UploadcareNotFoundException;
import io.github.ucgroups.UploadcareServerException;
import io.github.ucgroups.UploadcareThrottledException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * Turns every error form Uploadcare (or a gateway before it) answers with into a typed
 * {@link UploadcareException}: plain text with the real status, the {@code jsonerrors=1}
 * envelope (even with HTTP 200), REST's {@code {"detail": …}}, and bodies that are not JSON at
 * all. Throttling is a 429 or the error code {@code RequestThrottledError}, whichever status
 * field came with the code.
 */
final class ErrorDecoder {

	private static final int MAX_DETAIL_LENGTH = 300;

	/** Uploadcare's error code for throttling; it decides, whatever status field came with it. */
	static final String THROTTLED_ERROR_CODE = "RequestThrottledError";

	private final JsonMapper jsonMapper;

	private final Clock clock;

	/**
	 * Creates a decoder.
	 * @param jsonMapper reads JSON bodies
	 * @param clock the clock for {@code Retry-After} dates
	 */
	ErrorDecoder(JsonMapper jsonMapper, Clock clock) {
		this.jsonMapper = jsonMapper;
		this.clock = clock;
	}

	/**
	 * Finds the error in an answer, if there is one, from its body as {@linkplain #parse parsed}.
	 * @param operation the operation, for the exception
	 * @param api the API that answered
	 * @param status the HTTP status
	 * @param headers the response headers
	 * @param body the response body
	 * @param json the body as JSON, or {@code null} if it is not JSON
	 * @return the exception to throw, or {@code null} if the answer is a success
	 */
	@Nullable UploadcareException decode(String operation, UploadcareApi api, int status, HttpHeaders headers,
			byte[] body, @Nullable JsonNode json) {
		boolean success = status >= 200 && status < 300;
		if (success) {
			JsonNode envelope = (api == UploadcareApi.UPLOAD && json != null) ? json.get("error") : null;
			if (envelope == null || !envelope.isObject()) {
				return null;
			}
			// jsonerrors=1: the real status travels inside an HTTP 200 envelope.
			int innerStatus = envelope.path("status_code").asInt(400);
			return create(operation, innerStatus, textOrNull(envelope, "error_code"),
					textOr(envelope, "content", "(no message)"), headers);
		}
		String code = null;
		String detail = null;
		if (json != null && json.get("error") != null && json.get("error").isObject()) {
			JsonNode envelope = json.get("error");
			code = textOrNull(envelope, "error_code");
			detail = textOrNull(envelope, "content");
		}
		else if (json != null && json.get("detail") != null) {
			detail = textOrNull(json, "detail");
		}
		if (detail == null) {
			detail = plainDetail(status, headers, body);
		}
		return create(operation, status, code, detail, headers);
	}

	private UploadcareException create(String operation, int status, @Nullable String code, String detail,
			HttpHeaders headers) {
		if (status == 429 || THROTTLED_ERROR_CODE.equals(code)) {
			Duration retryAfter = RetryAfter.parse(headers.getFirst(HttpHeaders.RETRY_AFTER), this.clock);
			return new UploadcareThrottledException(operation, status, code, detail, retryAfter, null);
		}
		if (status == 401 || status == 403) {
			return new UploadcareAuthenticationException(operation, status, code, detail, null);
		}
		if (status == 404) {
			return new UploadcareNotFoundException(operation, status, code, detail, null);
		}
		if (status >= 400 && status < 500) {
			return new UploadcareInvalidRequestException(operation, status, code, detail, null);
		}
		return new UploadcareServerException(operation, status, code,
				(status >= 500) ? detail : "unexpected HTTP status: " + detail, null);
	}

	/**
	 * Reads a body as JSON, once per answer: both the error check and the caller use the tree.
	 * @param body the body
	 * @return the JSON tree, or {@code null} if the body is not JSON
	 */
	@Nullable JsonNode parse(byte[] body) {
		return (body.length > 0 && looksLikeJson(body)) ? readTree(body) : null;
	}

	/**
	 * Returns a successful body's JSON.
	 * @param operation the operation, for the exception
	 * @param status the HTTP status
	 * @param body the body
	 * @param json the body as {@linkplain #parse parsed}
	 * @return the JSON tree
	 * @throws UploadcareServerException if the body is not JSON
	 */
	JsonNode successJson(String operation, int status, byte[] body, @Nullable JsonNode json) {
		if (json == null) {
			throw new UploadcareServerException(operation, status, null,
					"the answer is not JSON: " + abbreviate(new String(body, StandardCharsets.UTF_8)), null);
		}
		return json;
	}

	private @Nullable JsonNode readTree(byte[] body) {
		try {
			return this.jsonMapper.readTree(body);
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	private static boolean looksLikeJson(byte[] body) {
		for (byte b : body) {
			if (!Character.isWhitespace(b)) {
				return b == '{' || b == '[';
			}
		}
		return false;
	}

	private static String plainDetail(int status, HttpHeaders headers, byte[] body) {
		MediaType type = headers.getContentType();
		if (type != null && type.isCompatibleWith(MediaType.TEXT_HTML)) {
			return "HTML page from a server or gateway (" + body.length + " bytes), status " + status;
		}
		String text = new String(body, StandardCharsets.UTF_8).strip();
		return text.isEmpty() ? "no message (status " + status + ")" : abbreviate(text);
	}

	private static String abbreviate(String text) {
		String oneLine = text.replaceAll("\\s+", " ");
		return (oneLine.length() <= MAX_DETAIL_LENGTH) ? oneLine : oneLine.substring(0, MAX_DETAIL_LENGTH) + "...";
	}

	private static @Nullable String textOrNull(JsonNode node, String field) {
		JsonNode value = node.get(field);
		if (value == null || value.isNull()) {
			return null;
		}
		// Jackson 3's asString() throws for objects and arrays: show them as compact JSON instead.
		return value.isValueNode() ? value.asString() : abbreviate(value.toString());
	}

	private static String textOr(JsonNode node, String field, String fallback) {
		String value = textOrNull(node, field);
		return (value != null) ? value : fallback;
	}

}
