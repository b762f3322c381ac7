package io.github.ucgroups.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.function.Function;
import java.util.function.Supplier;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.github.ucgroups.UploadcareException;
import io.github.ucgroups.UploadcareNetworkException;
import io.github.ucgroups.UploadcareServerException;
import io.github.ucgroups.UploadcareThrottledException;
import io.github.ucgroups.observation.RetryObserver;
import io.github.ucgroups.observation.UploadcareObservationContext;
import io.github.ucgroups.observation.UploadcareObservationConvention;
import io.github.ucgroups.observation.UploadcareObservationDocumentation;

import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryListener;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryState;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.core.retry.Retryable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.BackOffExecution;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Sends {@link UploadcareRequest}s: builds the URL from a template (so that
 * {@code http.client.requests} is tagged with the template, not raw ids), adds
 * {@code jsonerrors=1} to Upload API calls, decodes errors into typed exceptions, retries
 * transient failures with Spring's {@link RetryTemplate} (honouring {@code Retry-After}), and
 * records one {@code uploadcare.operations} observation around the whole operation.
 */
public final class UploadcareTransport {

	/** The most bytes of an answer that are read; Uploadcare's JSON answers are far smaller. */
	static final int MAX_BODY_BYTES = 16 * 1024 * 1024;

	private final RestClient restClient;

	private final RetrySettings retrySettings;

	private final ObservationRegistry observationRegistry;

	private final @Nullable UploadcareObservationConvention customConvention;

	private final RetryObserver retryObserver;

	private final JsonMapper jsonMapper;

	private final ErrorDecoder errorDecoder;

	/**
	 * Creates a transport.
	 * @param restClient the client, with the API's base URL set
	 * @param retrySettings how to retry
	 * @param observationRegistry where observations go ({@link ObservationRegistry#NOOP} for none)
	 * @param customConvention a convention replacing the default, or {@code null}
	 * @param retryObserver told of every retry (for metrics)
	 * @param jsonMapper reads JSON answers
	 * @param clock the clock for {@code Retry-After} dates
	 */
	public UploadcareTransport(RestClient restClient, RetrySettings retrySettings,
			ObservationRegistry observationRegistry, @Nullable UploadcareObservationConvention customConvention,
			RetryObserver retryObserver, JsonMapper jsonMapper, Clock clock) {
		this.restClient = Objects.requireNonNull(restClient, "restClient must not be null");
		this.retrySettings = Objects.requireNonNull(retrySettings, "retrySettings must not be null");
		this.observationRegistry = Objects.requireNonNull(observationRegistry, "observationRegistry must not be null");
		this.customConvention = customConvention;
		this.retryObserver = Objects.requireNonNull(retryObserver, "retryObserver must not be null");
		this.jsonMapper = Objects.requireNonNull(jsonMapper, "jsonMapper must not be null");
		this.errorDecoder = new ErrorDecoder(jsonMapper, clock);
	}

	/** Returns the mapper used for JSON answers. */
	public JsonMapper jsonMapper() {
		return this.jsonMapper;
	}

	/**
	 * Sends the request, retrying transient failures, and reads the answer as JSON.
	 * @param request the request
	 * @return the JSON answer
	 * @throws UploadcareException if the operation fails
	 */
	public JsonNode exchangeForJson(UploadcareRequest request) {
		return exchangeForJson(request, Function.identity());
	}

	/**
	 * Sends the request, retrying transient failures, and reads the answer as JSON with the
	 * given reader, inside the operation's observation (so an unreadable answer is observed as a
	 * failure, not a success).
	 * @param <T> the result type
	 * @param request the request
	 * @param reader turns the JSON answer into the result; may throw {@link UploadcareException}
	 * @return the result
	 * @throws UploadcareException if the operation fails
	 */
	public <T> T exchangeForJson(UploadcareRequest request, Function<JsonNode, ? extends T> reader) {
		return observe(request, (response) -> reader
			.apply(this.errorDecoder.readSuccessBody(request.operation(), response.status(), response.body())));
	}

	/**
	 * Sends the request, retrying transient failures.
	 * @param request the request
	 * @return the successful answer
	 * @throws UploadcareException if the operation fails
	 */
	public UploadcareResponse exchange(UploadcareRequest request) {
		return observe(request, Function.identity());
	}

	private <T> T observe(UploadcareRequest request, Function<UploadcareResponse, ? extends T> reader) {
		UploadcareObservationContext context = new UploadcareObservationContext(request.operation());
		request.observationDetails().accept(context);
		Observation observation = UploadcareObservationDocumentation.operation(context, this.customConvention,
				this.observationRegistry);
		return observation.observe(() -> {
			UploadcareResponse response = (!request.retryable() || this.retrySettings.maxAttempts() <= 1)
					? attempt(request, context) : withRetries(request, context, observation);
			return reader.apply(response);
		});
	}

	private UploadcareResponse withRetries(UploadcareRequest request, UploadcareObservationContext context,
			Observation observation) {
		OperationRetryPolicy policy = new OperationRetryPolicy(this.retrySettings);
		RetryTemplate template = new RetryTemplate(policy);
		template.setRetryListener(new RetryListener() {
			@Override
			public void beforeRetry(RetryPolicy retryPolicy, Retryable<?> retryable, RetryState state) {
				UploadcareException cause = policy.lastFailure;
				context.incrementRetries();
				observation.event(Observation.Event.of("uploadcare.retry"));
				if (cause != null) {
					UploadcareTransport.this.retryObserver.onRetry(request.operation(), cause);
				}
			}
		});
		try {
			return template.execute(new Retryable<>() {
				@Override
				public UploadcareResponse execute() {
					return attempt(request, context);
				}

				@Override
				public String getName() {
					return "uploadcare " + request.operation();
				}
			});
		}
		catch (RetryException ex) {
			if (ex.getCause() instanceof UploadcareException failure) {
				if (Thread.currentThread().isInterrupted()) {
					throw new UploadcareNetworkException(request.operation(), "interrupted while waiting to retry",
							false, failure);
				}
				throw failure;
			}
			throw new UploadcareNetworkException(request.operation(), "retries ended: " + ex.getMessage(), false, ex);
		}
	}

	private UploadcareResponse attempt(UploadcareRequest request, UploadcareObservationContext context) {
		UploadcareResponse response;
		try {
			response = send(request);
		}
		catch (ResourceAccessException ex) {
			context.setStatus(0);
			throw networkFailure(request.operation(), ex);
		}
		catch (RestClientException ex) {
			context.setStatus(0);
			throw new UploadcareServerException(request.operation(), 0, null,
					"the request could not be sent or the answer read: " + ex.getMessage(), ex);
		}
		context.setStatus(response.status());
		UploadcareException error = this.errorDecoder.decode(request.operation(), request.api(), response.status(),
				response.headers(), response.body());
		if (error != null) {
			throw error;
		}
		return response;
	}

	private UploadcareResponse send(UploadcareRequest request) {
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
			if (request.contentType() != null) {
				spec = spec.contentType(request.contentType());
			}
			spec = spec.body(value);
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

	private static UploadcareNetworkException networkFailure(String operation, ResourceAccessException ex) {
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

	/**
	 * Retries transient Uploadcare failures; waits {@code Retry-After} after throttling, else
	 * backs off exponentially with jitter. One instance serves one operation, so it can remember
	 * the failure that the next back-off depends on.
	 */
	static final class OperationRetryPolicy implements RetryPolicy {

		private final RetrySettings settings;

		volatile @Nullable UploadcareException lastFailure;

		OperationRetryPolicy(RetrySettings settings) {
			this.settings = settings;
		}

		@Override
		public boolean shouldRetry(Throwable throwable) {
			if (!(throwable instanceof UploadcareException failure) || !failure.isTransient()) {
				return false;
			}
			if (failure instanceof UploadcareThrottledException throttled && throttled.getRetryAfter().isPresent()
					&& throttled.getRetryAfter().get().compareTo(this.settings.maxRetryAfter()) > 0) {
				return false; // Uploadcare asks for a longer wait than callers should block for
			}
			this.lastFailure = failure;
			return true;
		}

		@Override
		public BackOff getBackOff() {
			ExponentialBackOff exponential = new ExponentialBackOff(this.settings.initialDelay().toMillis(),
					this.settings.multiplier());
			exponential.setMaxInterval(this.settings.maxDelay().toMillis());
			exponential.setJitter(this.settings.initialDelay().toMillis() / 2);
			exponential.setMaxAttempts(this.settings.maxAttempts() - 1);
			return () -> {
				BackOffExecution delegate = exponential.start();
				return () -> {
					long exponentialDelay = delegate.nextBackOff();
					if (exponentialDelay == BackOffExecution.STOP) {
						return BackOffExecution.STOP;
					}
					if (this.lastFailure instanceof UploadcareThrottledException throttled
							&& throttled.getRetryAfter().isPresent()) {
						return throttled.getRetryAfter().get().toMillis();
					}
					return exponentialDelay;
				};
			};
		}

	}

}
