package io.github.ucgroups.http;

import java.time.Clock;
import java.util.Objects;
import java.util.function.Function;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.github.ucgroups.UploadcareException;
import io.github.ucgroups.UploadcareNetworkException;
import io.github.ucgroups.UploadcareServerException;
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

	private final RequestSender sender;

	private final RetrySettings retrySettings;

	private final ObservationRegistry observationRegistry;

	private final @Nullable UploadcareObservationConvention customConvention;

	private final RetryObserver retryObserver;

	private final JsonMapper jsonMapper;

	private final ErrorDecoder errorDecoder;

	private UploadcareTransport(Builder builder) {
		this.sender = new RequestSender(builder.restClient);
		this.retrySettings = builder.retrySettings;
		this.observationRegistry = builder.observationRegistry;
		this.customConvention = builder.observationConvention;
		this.retryObserver = builder.retryObserver;
		this.jsonMapper = builder.jsonMapper;
		this.errorDecoder = new ErrorDecoder(builder.jsonMapper, builder.clock);
	}

	/**
	 * Starts building a transport over the given client: by default without retries, unobserved,
	 * reading JSON with unknown fields ignored, on the system clock.
	 * @param restClient the client, with the API's base URL set
	 * @return the builder
	 */
	public static Builder builder(RestClient restClient) {
		return new Builder(restClient);
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
		return observe(request, (answer) -> reader.apply(this.errorDecoder.successJson(request.operation(),
				answer.response().status(), answer.response().body(), answer.json())));
	}

	/**
	 * Sends the request, retrying transient failures.
	 * @param request the request
	 * @return the successful answer
	 * @throws UploadcareException if the operation fails
	 */
	public UploadcareResponse exchange(UploadcareRequest request) {
		return observe(request, Answer::response);
	}

	private <T> T observe(UploadcareRequest request, Function<Answer, ? extends T> reader) {
		UploadcareObservationContext context = new UploadcareObservationContext(request.operation());
		request.observationDetails().accept(context);
		Observation observation = UploadcareObservationDocumentation.operation(context, this.customConvention,
				this.observationRegistry);
		return observation.observe(() -> {
			Answer answer = (!request.retryable() || this.retrySettings.maxAttempts() <= 1)
					? attempt(request, context) : withRetries(request, context, observation);
			return reader.apply(answer);
		});
	}

	private Answer withRetries(UploadcareRequest request, UploadcareObservationContext context,
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
				public Answer execute() {
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

	private Answer attempt(UploadcareRequest request, UploadcareObservationContext context) {
		UploadcareResponse response;
		try {
			response = this.sender.send(request);
		}
		catch (ResourceAccessException ex) {
			context.setStatus(0);
			throw RequestSender.networkFailure(request.operation(), ex);
		}
		catch (RestClientException ex) {
			context.setStatus(0);
			throw new UploadcareServerException(request.operation(), 0, null,
					"the request could not be sent or the answer read: " + ex.getMessage(), ex);
		}
		context.setStatus(response.status());
		JsonNode json = this.errorDecoder.parse(response.body());
		UploadcareException error = this.errorDecoder.decode(request.operation(), request.api(), response.status(),
				response.headers(), response.body(), json);
		if (error != null) {
			throw error;
		}
		return new Answer(response, json);
	}

	/** A successful answer and its body as JSON ({@code null} if it is not JSON), parsed once. */
	private record Answer(UploadcareResponse response, @Nullable JsonNode json) {
	}

	/** Builds an {@link UploadcareTransport}; every setting has a default. */
	public static final class Builder {

		private final RestClient restClient;

		private RetrySettings retrySettings = RetrySettings.NONE;

		private ObservationRegistry observationRegistry = ObservationRegistry.NOOP;

		private @Nullable UploadcareObservationConvention observationConvention;

		private RetryObserver retryObserver = RetryObserver.NONE;

		private JsonMapper jsonMapper = JsonMapper.builder()
			.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			.build();

		private Clock clock = Clock.systemUTC();

		private Builder(RestClient restClient) {
			this.restClient = Objects.requireNonNull(restClient, "restClient must not be null");
		}

		/**
		 * Sets how to retry ({@link RetrySettings#NONE} by default).
		 * @param retrySettings the retry settings
		 * @return this builder
		 */
		public Builder retrySettings(RetrySettings retrySettings) {
			this.retrySettings = Objects.requireNonNull(retrySettings, "retrySettings must not be null");
			return this;
		}

		/**
		 * Sets where observations go ({@link ObservationRegistry#NOOP} by default).
		 * @param observationRegistry the registry
		 * @return this builder
		 */
		public Builder observationRegistry(ObservationRegistry observationRegistry) {
			this.observationRegistry = Objects.requireNonNull(observationRegistry,
					"observationRegistry must not be null");
			return this;
		}

		/**
		 * Sets a convention replacing the default one.
		 * @param observationConvention the convention, or {@code null} for the default
		 * @return this builder
		 */
		public Builder observationConvention(@Nullable UploadcareObservationConvention observationConvention) {
			this.observationConvention = observationConvention;
			return this;
		}

		/**
		 * Sets who is told of every retry, for metrics ({@link RetryObserver#NONE} by default).
		 * @param retryObserver the observer
		 * @return this builder
		 */
		public Builder retryObserver(RetryObserver retryObserver) {
			this.retryObserver = Objects.requireNonNull(retryObserver, "retryObserver must not be null");
			return this;
		}

		/**
		 * Sets the mapper of JSON answers.
		 * @param jsonMapper the mapper
		 * @return this builder
		 */
		public Builder jsonMapper(JsonMapper jsonMapper) {
			this.jsonMapper = Objects.requireNonNull(jsonMapper, "jsonMapper must not be null");
			return this;
		}

		/**
		 * Sets the clock that reads {@code Retry-After} dates.
		 * @param clock the clock
		 * @return this builder
		 */
		public Builder clock(Clock clock) {
			this.clock = Objects.requireNonNull(clock, "clock must not be null");
			return this;
		}

		/**
		 * Builds the transport.
		 * @return the transport
		 */
		public UploadcareTransport build() {
			return new UploadcareTransport(this);
		}

	}

}
