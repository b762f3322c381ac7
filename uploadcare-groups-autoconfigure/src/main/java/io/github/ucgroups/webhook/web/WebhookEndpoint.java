package io.github.ucgroups.webhook.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

import jakarta.servlet.http.HttpServletRequest;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import io.github.ucgroups.webhook.WebhookReceiver;
import io.github.ucgroups.webhook.WebhookSignatureVerifier;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.HandlerFunction;
import org.springframework.web.servlet.function.RequestPredicates;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The HTTP side of the webhook receiver (Spring MVC, functional endpoint): reads the raw body up
 * to a size limit and hands it to {@link WebhookReceiver}, then answers at once:
 * <ul>
 * <li>200 when the delivery was published, or was a duplicate (already published)</li>
 * <li>401 when the signature is missing or wrong (nothing published)</li>
 * <li>400 when the body cannot be read or is not a delivery</li>
 * <li>413 when the body is larger than the limit</li>
 * <li>500 when a listener failed (the delivery is forgotten, so Uploadcare's retry is published)</li>
 * </ul>
 */
public final class WebhookEndpoint implements HandlerFunction<ServerResponse> {

	private static final Log logger = LogFactory.getLog(WebhookEndpoint.class);

	private final WebhookReceiver receiver;

	private final long maxBodyBytes;

	/**
	 * Creates the endpoint.
	 * @param receiver receives verified deliveries
	 * @param maxBodyBytes the largest body accepted
	 */
	public WebhookEndpoint(WebhookReceiver receiver, long maxBodyBytes) {
		this.receiver = Objects.requireNonNull(receiver, "receiver must not be null");
		if (maxBodyBytes < 1 || maxBodyBytes > Integer.MAX_VALUE - 8) {
			throw new IllegalArgumentException("maxBodyBytes must be between 1 and 2 GB, was " + maxBodyBytes);
		}
		this.maxBodyBytes = maxBodyBytes;
	}

	/**
	 * Returns the route: {@code POST path} to this endpoint.
	 * @param path the path, e.g. {@code /uploadcare/webhooks}
	 * @return the router function
	 */
	public RouterFunction<ServerResponse> route(String path) {
		return RouterFunctions.route(RequestPredicates.POST(path), this);
	}

	@Override
	public ServerResponse handle(ServerRequest request) {
		HttpServletRequest servletRequest = request.servletRequest();
		long declared = servletRequest.getContentLengthLong();
		if (declared > this.maxBodyBytes) {
			return answer(HttpStatus.CONTENT_TOO_LARGE, "body larger than " + this.maxBodyBytes + " bytes");
		}
		byte[] body;
		try (InputStream in = servletRequest.getInputStream()) {
			body = in.readNBytes((int) this.maxBodyBytes + 1);
		}
		catch (IOException ex) {
			return answer(HttpStatus.BAD_REQUEST, "the body could not be read");
		}
		if (body.length > this.maxBodyBytes) {
			return answer(HttpStatus.CONTENT_TOO_LARGE, "body larger than " + this.maxBodyBytes + " bytes");
		}
		WebhookReceiver.Outcome outcome;
		try {
			outcome = this.receiver.receive(body, servletRequest.getHeader(WebhookSignatureVerifier.HEADER));
		}
		catch (RuntimeException ex) {
			logger.error("A listener failed on an Uploadcare webhook delivery; answering 500 so that Uploadcare "
					+ "sends it again", ex);
			return answer(HttpStatus.INTERNAL_SERVER_ERROR, "the delivery could not be processed");
		}
		return switch (outcome) {
			case PUBLISHED -> answer(HttpStatus.OK, "received");
			case DUPLICATE -> answer(HttpStatus.OK, "already received");
			case MISSING_SIGNATURE -> answer(HttpStatus.UNAUTHORIZED,
					"missing " + WebhookSignatureVerifier.HEADER + " header");
			case INVALID_SIGNATURE -> answer(HttpStatus.UNAUTHORIZED, "invalid signature");
			case UNREADABLE -> answer(HttpStatus.BAD_REQUEST, "not a webhook delivery");
		};
	}

	private static ServerResponse answer(HttpStatus status, String message) {
		return ServerResponse.status(status).contentType(MediaType.TEXT_PLAIN).body(message);
	}

	@Override
	public String toString() {
		return "WebhookEndpoint[maxBodyBytes=" + this.maxBodyBytes + "]";
	}

}
