package io.github.ucgroups.http;

import org.springframework.http.HttpHeaders;

/**
 * A successful answer: status, headers and the whole body (Uploadcare's answers are small JSON
 * documents).
 *
 * @param status the HTTP status
 * @param headers the response headers
 * @param body the body bytes, possibly empty
 */
public record UploadcareResponse(int status, HttpHeaders headers, byte[] body) {
}
