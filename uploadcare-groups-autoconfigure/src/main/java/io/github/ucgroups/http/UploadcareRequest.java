package io.github.ucgroups.http;

import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import io.github.ucgroups.observation.UploadcareObservationContext;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

/**
 * A description of one Uploadcare operation's request. The body and headers are supplied per
 * attempt, so that every retry carries fresh credentials and a fresh stream.
 */
public final class UploadcareRequest {

	private final String operation;

	private final UploadcareApi api;

	private final HttpMethod method;

	private final @Nullable String pathTemplate;

	private final @Nullable URI absoluteUri;

	private final Map<String, Object> pathVariables;

	private final Map<String, Object> query;

	private final @Nullable Supplier<?> body;

	private final @Nullable MediaType contentType;

	private final Consumer<HttpHeaders> headers;

	private final boolean retryable;

	private final Consumer<UploadcareObservationContext> observationDetails;

	private UploadcareRequest(Builder builder) {
		this.operation = builder.operation;
		this.api = builder.api;
		this.method = builder.method;
		this.pathTemplate = builder.pathTemplate;
		this.absoluteUri = builder.absoluteUri;
		this.pathVariables = Collections.unmodifiableMap(new LinkedHashMap<>(builder.pathVariables));
		this.query = Collections.unmodifiableMap(new LinkedHashMap<>(builder.query));
		this.body = builder.body;
		this.contentType = builder.contentType;
		this.headers = builder.headers;
		this.retryable = builder.retryable;
		this.observationDetails = builder.observationDetails;
	}

	/**
	 * Starts a request to a path of an Uploadcare API.
	 * @param operation the operation name for observations and errors, e.g. {@code group.create}
	 * @param api the API the path belongs to
	 * @param method the HTTP method
	 * @param pathTemplate the path template relative to the API's base URL, e.g.
	 * {@code /groups/{id}/}
	 * @return a builder
	 */
	public static Builder to(String operation, UploadcareApi api, HttpMethod method, String pathTemplate) {
		return new Builder(operation, api, method, pathTemplate, null);
	}

	/**
	 * Starts a request to an absolute URL, such as a presigned storage URL for a multipart part.
	 * @param operation the operation name
	 * @param api the API (usually {@link UploadcareApi#STORAGE})
	 * @param method the HTTP method
	 * @param uri the absolute URL, used as it is
	 * @return a builder
	 */
	public static Builder toUri(String operation, UploadcareApi api, HttpMethod method, URI uri) {
		return new Builder(operation, api, method, null, uri);
	}

	/** Returns the operation name. */
	public String operation() {
		return this.operation;
	}

	/** Returns the API. */
	public UploadcareApi api() {
		return this.api;
	}

	/** Returns the HTTP method. */
	public HttpMethod method() {
		return this.method;
	}

	/** Returns the path template, or {@code null} for an absolute URL. */
	public @Nullable String pathTemplate() {
		return this.pathTemplate;
	}

	/** Returns the absolute URL, or {@code null} for a path template. */
	public @Nullable URI absoluteUri() {
		return this.absoluteUri;
	}

	/** Returns the values of the path template's variables. */
	public Map<String, Object> pathVariables() {
		return this.pathVariables;
	}

	/** Returns the query parameters, in order. */
	public Map<String, Object> query() {
		return this.query;
	}

	/** Returns the supplier of a fresh body for each attempt, or {@code null}. */
	public @Nullable Supplier<?> body() {
		return this.body;
	}

	/** Returns the body's content type, or {@code null}. */
	public @Nullable MediaType contentType() {
		return this.contentType;
	}

	/** Returns what adds headers to each attempt. */
	public Consumer<HttpHeaders> headers() {
		return this.headers;
	}

	/** Tells whether transient failures of this request may be retried. */
	public boolean retryable() {
		return this.retryable;
	}

	/** Returns what adds trace details to the observation. */
	public Consumer<UploadcareObservationContext> observationDetails() {
		return this.observationDetails;
	}

	@Override
	public String toString() {
		return this.operation + " " + this.method + " "
				+ ((this.pathTemplate != null) ? this.pathTemplate : "<absolute URL>");
	}

	/** Builds an {@link UploadcareRequest}. */
	public static final class Builder {

		private final String operation;

		private final UploadcareApi api;

		private final HttpMethod method;

		private final @Nullable String pathTemplate;

		private final @Nullable URI absoluteUri;

		private final Map<String, Object> pathVariables = new LinkedHashMap<>();

		private final Map<String, Object> query = new LinkedHashMap<>();

		private @Nullable Supplier<?> body;

		private @Nullable MediaType contentType;

		private Consumer<HttpHeaders> headers = (headers) -> {
		};

		private boolean retryable = true;

		private Consumer<UploadcareObservationContext> observationDetails = (context) -> {
		};

		private Builder(String operation, UploadcareApi api, HttpMethod method, @Nullable String pathTemplate,
				@Nullable URI absoluteUri) {
			this.operation = Objects.requireNonNull(operation, "operation must not be null");
			this.api = Objects.requireNonNull(api, "api must not be null");
			this.method = Objects.requireNonNull(method, "method must not be null");
			if (pathTemplate != null && !pathTemplate.startsWith("/")) {
				throw new IllegalArgumentException("Path template must start with '/': " + pathTemplate);
			}
			this.pathTemplate = pathTemplate;
			this.absoluteUri = absoluteUri;
		}

		/**
		 * Sets a path variable.
		 * @param name the variable name in the template
		 * @param value its value (encoded when the URL is built)
		 * @return this builder
		 */
		public Builder pathVariable(String name, Object value) {
			this.pathVariables.put(name, value);
			return this;
		}

		/**
		 * Adds a query parameter; {@code null} values are skipped.
		 * @param name the parameter name
		 * @param value its value (encoded when the URL is built)
		 * @return this builder
		 */
		public Builder query(String name, @Nullable Object value) {
			if (value != null) {
				this.query.put(name, value);
			}
			return this;
		}

		/**
		 * Sets the body, created afresh for each attempt.
		 * @param contentType the body's content type
		 * @param body supplies the body object (a form {@code MultiValueMap}, a resource, JSON
		 * bytes…)
		 * @return this builder
		 */
		public Builder body(MediaType contentType, Supplier<?> body) {
			this.contentType = contentType;
			this.body = body;
			return this;
		}

		/**
		 * Sets what adds headers to each attempt.
		 * @param headers the header customizer
		 * @return this builder
		 */
		public Builder headers(Consumer<HttpHeaders> headers) {
			this.headers = headers;
			return this;
		}

		/**
		 * Sets whether transient failures may be retried (default {@code true}).
		 * @param retryable whether to retry
		 * @return this builder
		 */
		public Builder retryable(boolean retryable) {
			this.retryable = retryable;
			return this;
		}

		/**
		 * Sets what adds trace details (group id, file count, bytes) to the observation.
		 * @param details the customizer
		 * @return this builder
		 */
		public Builder observationDetails(Consumer<UploadcareObservationContext> details) {
			this.observationDetails = details;
			return this;
		}

		/**
		 * Builds the request.
		 * @return the request
		 */
		public UploadcareRequest build() {
			return new UploadcareRequest(this);
		}

	}

}
