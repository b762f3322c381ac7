package io.github.ucgroups.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import io.github.ucgroups.UploadcareNetworkException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * Sends one attempt of an {@link UploadcareRequest} through the RestClient: the URI template
 * (with {@code jsonerrors=1} for the Upload API), headers and body, and reads a bounded answer.
 * I/O failures become {@link UploadcareNetworkException}s, telling timeouts apart.
 */
final class RequestSender {

	private static final Log logger = LogFactory.getLog(RequestSender.class);

	/** The most bytes of an answer that are read; Uploadcare's JSON answers are far smaller. */
	static final int MAX_BODY_BYTES = 16 * 1024 * 1024;

	private final RestClient restClient;

	RequestSender(RestClient restClient) {
		this.restClient = restClient;
	}

	UploadcareResponse send(UploadcareRequest request) {
		RestClient.RequestBodySpec spec;
		if (request.absoluteUri() != null) {
			spec = this.restClient.method(request.method()).uri(request.absoluteUri());
		}
		else {
			Map<String, Object> variables = new LinkedHashMap<>(request.pathVariables());
			spec = this.restClient.method(request.method()).uri(uriTemplate(request, variables), variables);
		}
		HttpHeaders extra = new HttpHeaders();
		request.headers().accept(extra);
		spec = spec.headers((headers) -> headers.addAll(extra));
		Supplier<?> body = request.body();
		if (body != null) {
			Object value = body.get();
			TextMultipartBody textForm = TextMultipartBody.encode(request.contentType(), value);
			if (textForm != null) {
				if (logger.isDebugEnabled()) {
					// Spring's RestClient would log the bytes' identity only; the form's toString()
					// hides the signing fields (SignedForm), as when Spring logged the form itself.
					logger.debug("Writing [" + value + "] as \"multipart/form-data\" (" + textForm.bytes().length
							+ " bytes)");
				}
				spec = spec.contentType(textForm.contentType()).body(textForm.bytes());
			}
			else {
				if (request.contentType() != null) {
					spec = spec.contentType(request.contentType());
				}
				spec = spec.body(value);
			}
		}
		return spec.exchange((clientRequest, clientResponse) -> read(clientResponse), true);
	}

	/** Builds {@code path?name={name}…}, with {@code jsonerrors=1} for the Upload API. */
	private static String uriTemplate(UploadcareRequest request, Map<String, Object> variables) {
		StringJoiner query = new StringJoiner("&", "?", "").setEmptyValue("");
		if (request.api() == UploadcareApi.UPLOAD) {
			query.add("jsonerrors=1");
		}
		int index = 0;
		for (Map.Entry<String, Object> parameter : request.query().entrySet()) {
			String variable = "q" + (index++);
			query.add(parameter.getKey() + "={" + variable + "}");
			variables.put(variable, parameter.getValue());
		}
		return request.pathTemplate() + query;
	}

	private static UploadcareResponse read(ClientHttpResponse response) throws IOException {
		byte[] body;
		try (InputStream in = response.getBody()) {
			body = in.readNBytes(MAX_BODY_BYTES + 1);
		}
		if (body.length > MAX_BODY_BYTES) {
			throw new IOException("answer larger than " + MAX_BODY_BYTES + " bytes");
		}
		return new UploadcareResponse(response.getStatusCode().value(), response.getHeaders(), body);
	}

	static UploadcareNetworkException networkFailure(String operation, ResourceAccessException ex) {
		boolean timeout = false;
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof HttpTimeoutException || cause instanceof SocketTimeoutException
					|| (cause instanceof InterruptedIOException && !(cause instanceof java.nio.channels.ClosedByInterruptException)
							&& String.valueOf(cause.getMessage()).toLowerCase().contains("timed out"))) {
				timeout = true;
				break;
			}
		}
		Throwable root = ex;
		while (root.getCause() != null) {
			root = root.getCause();
		}
		String detail = (timeout ? "timed out: " : "I/O error: ") + root.getClass().getSimpleName()
				+ ((root.getMessage() != null) ? " " + root.getMessage() : "");
		return new UploadcareNetworkException(operation, detail, timeout, ex);
	}

}
