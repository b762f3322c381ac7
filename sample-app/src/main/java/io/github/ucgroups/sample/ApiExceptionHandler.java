package io.github.ucgroups.sample;

import java.net.URI;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import io.github.ucgroups.UploadcareBatchUploadException;
import io.github.ucgroups.UploadcareException;
import io.github.ucgroups.UploadcareNotFoundException;
import io.github.ucgroups.UploadcareThrottledException;

/**
 * Errors of the JSON API as {@code application/problem+json}. Throttling that outlasted the
 * retries becomes 503 with {@code Retry-After}; other Uploadcare failures 502. When files were
 * uploaded but the group could not be created, {@code uploadedFiles} lists their UUIDs.
 */
@RestControllerAdvice(assignableTypes = GroupApiController.class)
public class ApiExceptionHandler {

	private static final Logger logger = LoggerFactory.getLogger(ApiExceptionHandler.class);

	@ExceptionHandler(SubmissionRejectedException.class)
	ResponseEntity<ProblemDetail> rejected(SubmissionRejectedException ex) {
		return problem(ex.getStatus(), "Submission rejected", ex.getMessage());
	}

	@ExceptionHandler(IllegalArgumentException.class)
	ResponseEntity<ProblemDetail> malformed(IllegalArgumentException ex) {
		return problem(HttpStatus.BAD_REQUEST, "Malformed request", ex.getMessage());
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<ProblemDetail> malformedParameter(MethodArgumentTypeMismatchException ex) {
		return problem(HttpStatus.BAD_REQUEST, "Malformed request", rootMessage(ex));
	}

	static String rootMessage(TypeMismatchException ex) {
		Throwable cause = ex;
		while (cause.getCause() != null) {
			cause = cause.getCause();
		}
		return (cause.getMessage() != null) ? cause.getMessage() : "Malformed " + ex.getPropertyName();
	}

	@ExceptionHandler(UploadcareNotFoundException.class)
	ResponseEntity<ProblemDetail> notFound(UploadcareNotFoundException ex) {
		return problem(HttpStatus.NOT_FOUND, "Group not found", "Uploadcare does not know this group.");
	}

	@ExceptionHandler(UploadcareBatchUploadException.class)
	ResponseEntity<ProblemDetail> batch(UploadcareBatchUploadException ex) {
		logger.warn("Submission failed; files already uploaded: {}", ex.getUploadedUuids(), ex);
		ResponseEntity<ProblemDetail> response = upstream(decisiveFailure(ex));
		ProblemDetail body = response.getBody();
		body.setDetail(ex.getMessage());
		body.setProperty("uploadedFiles", ex.getUploadedUuids());
		return response;
	}

	@ExceptionHandler(UploadcareException.class)
	ResponseEntity<ProblemDetail> uploadcare(UploadcareException ex) {
		logger.warn("Uploadcare call failed: {}", ex.getMessage());
		return upstream(ex);
	}

	/** The failure that decides the status: the group call's, else the first failed upload's. */
	private static UploadcareException decisiveFailure(UploadcareBatchUploadException ex) {
		if (ex.getGroupFailure() != null) {
			return ex.getGroupFailure();
		}
		return ex.getFailures()
			.stream()
			.map(UploadcareBatchUploadException.Failure::cause)
			.filter(UploadcareException.class::isInstance)
			.map(UploadcareException.class::cast)
			.findFirst()
			.orElse(ex);
	}

	private static ResponseEntity<ProblemDetail> upstream(UploadcareException ex) {
		if (ex instanceof UploadcareThrottledException throttled) {
			ResponseEntity<ProblemDetail> response = problem(HttpStatus.SERVICE_UNAVAILABLE, "Uploadcare is busy",
					"Uploadcare throttled the request; try again later.");
			long seconds = throttled.getRetryAfter().map((wait) -> Math.max(1, wait.toSeconds())).orElse(10L);
			return ResponseEntity.status(response.getStatusCode())
				.header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
				.body(response.getBody());
		}
		return problem(HttpStatus.BAD_GATEWAY, "Uploadcare failed", ex.getMessage());
	}

	static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		problem.setType(URI.create("about:blank"));
		return ResponseEntity.status(status).body(problem);
	}

}
