package io.github.ucgroups.rest;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

import mockwebserver3.RecordedRequest;

import static org.assertj.core.api.Assertions.assertThat;

/** Checks REST headers and signatures of recorded requests, for tests in other packages. */
public final class RestGroupAdminServiceWireTestAccess {

	private RestGroupAdminServiceWireTestAccess() {
	}

	/**
	 * Asserts the REST headers, recomputing the signature independently from the received request.
	 * @param request the received request
	 * @param publicKey the expected public key
	 * @param secretKey the secret key to recompute the signature with
	 */
	public static void assertSigned(RecordedRequest request, String publicKey, String secretKey) throws Exception {
		assertThat(request.getHeaders().get("Accept")).isEqualTo("application/vnd.uploadcare-v0.7+json");
		assertThat(request.getHeaders().values("Content-Type")).containsExactly("application/json");
		String date = request.getHeaders().get("Date");
		assertThat(ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME).getOffset()).isEqualTo(ZoneOffset.UTC);
		assertThat(date).endsWith(" GMT");
		byte[] body = (request.getBody() != null) ? request.getBody().toByteArray() : new byte[0];
		String expected = RestRequestSignerTest.independentSignature(secretKey, request.getMethod(), body,
				"application/json", date, request.getTarget());
		assertThat(request.getHeaders().values("Authorization"))
			.containsExactly("Uploadcare " + publicKey + ":" + expected);
	}

}
