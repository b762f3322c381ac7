package io.github.ucgroups.webhook;

import java.net.URI;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.nio.ByteBuffer;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.github.ucgroups.FileRef;
import io.github.ucgroups.GroupFile;
import io.github.ucgroups.UploadcareFile;
import io.github.ucgroups.http.JsonFields;
import io.github.ucgroups.webhook.UploadcareWebhookEvent.Hook;
import io.github.ucgroups.webhook.UploadcareWebhookEvent.Initiator;

/**
 * Turns a verified webhook body ({@code {initiator, hook, data, file}}, REST API v0.7) into the
 * event to publish, leniently: unknown fields are ignored, optional ones may be missing. A body
 * that is not a JSON object, has no {@code hook} or event type, or (for {@code file.*} events) no
 * file with a valid UUID, is unreadable.
 */
final class WebhookPayloadReader {

	private final JsonMapper jsonMapper;

	WebhookPayloadReader(JsonMapper jsonMapper) {
		this.jsonMapper = jsonMapper;
	}

	/**
	 * Reads a delivery.
	 * @param source the event source
	 * @param body the raw body
	 * @return the event: a subtype for known kinds, {@link UploadcareWebhookEvent} itself for
	 * others
	 * @throws UnreadableDeliveryException saying what is wrong with the body
	 */
	UploadcareWebhookEvent read(Object source, byte[] body) {
		String text = utf8(body);
		JsonNode json;
		try {
			json = this.jsonMapper.readTree(text);
		}
		catch (JacksonException ex) {
			throw new UnreadableDeliveryException("the body is not JSON");
		}
		if (json == null || !json.isObject()) {
			throw new UnreadableDeliveryException("the body is not a JSON object");
		}
		JsonNode hookNode = json.get("hook");
		if (hookNode == null || !hookNode.isObject()) {
			throw new UnreadableDeliveryException("the body has no 'hook' object");
		}
		String eventType = JsonFields.text(hookNode, "event");
		if (eventType == null || eventType.isBlank()) {
			eventType = JsonFields.text(json, "event");
		}
		if (eventType == null || eventType.isBlank()) {
			throw new UnreadableDeliveryException("the body names no event type ('hook.event')");
		}
		Hook hook = new Hook(hookNode.path("id").asLong(0), eventType, uri(JsonFields.text(hookNode, "target")),
				JsonFields.text(hookNode, "project_pub_key"),
				hookNode.hasNonNull("project_id") ? hookNode.path("project_id").asLong() : null,
				JsonFields.text(hookNode, "version"));
		Initiator initiator = initiator(json.get("initiator"));
		if (!isKnown(eventType)) {
			return new UploadcareWebhookEvent(source, eventType, hook, initiator, text);
		}
		UploadcareFile file = file(json.get("data"));
		URI fileUrl = uri(JsonFields.text(json, "file"));
		return switch (eventType) {
			case UploadcareWebhookEvent.FILE_UPLOADED -> new FileUploadedEvent(source, hook, initiator, text, file,
					fileUrl);
			case UploadcareWebhookEvent.FILE_STORED -> new FileStoredEvent(source, hook, initiator, text, file, fileUrl);
			case UploadcareWebhookEvent.FILE_DELETED -> new FileDeletedEvent(source, hook, initiator, text, file,
					fileUrl);
			case UploadcareWebhookEvent.FILE_INFECTED -> new FileInfectedEvent(source, hook, initiator, text, file,
					fileUrl);
			default -> new FileInfoUpdatedEvent(source, hook, initiator, text, file, fileUrl,
					previousMetadata(json.get("previous_values")));
		};
	}

	private static boolean isKnown(String eventType) {
		return switch (eventType) {
			case UploadcareWebhookEvent.FILE_UPLOADED, UploadcareWebhookEvent.FILE_STORED,
					UploadcareWebhookEvent.FILE_DELETED, UploadcareWebhookEvent.FILE_INFECTED,
					UploadcareWebhookEvent.FILE_INFO_UPDATED -> true;
			default -> false;
		};
	}

	private static String utf8(byte[] body) {
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(body))
				.toString();
		}
		catch (CharacterCodingException ex) {
			throw new UnreadableDeliveryException("the body is not UTF-8 text");
		}
	}

	private static @Nullable Initiator initiator(@Nullable JsonNode node) {
		if (node == null || !node.isObject()) {
			return null;
		}
		JsonNode detail = node.path("detail");
		return new Initiator(JsonFields.text(node, "type"), detail.isObject() ? JsonFields.text(detail, "request_id") : null,
				detail.isObject() ? JsonFields.text(detail, "addon_name") : null,
				detail.isObject() ? JsonFields.text(detail, "source_file_uuid") : null);
	}

	private static UploadcareFile file(@Nullable JsonNode data) {
		if (data == null || !data.isObject()) {
			throw new UnreadableDeliveryException("the body has no file ('data' object)");
		}
		String uuid = JsonFields.text(data, "uuid");
		if (uuid == null || !FileRef.isUuid(uuid)) {
			throw new UnreadableDeliveryException("the file ('data') has no valid 'uuid'");
		}
		JsonNode image = data.path("content_info").path("image");
		if (!image.isObject()) {
			image = data.path("image_info"); // REST API before v0.7
		}
		GroupFile.ImageInfo imageInfo = image.isObject() ? new GroupFile.ImageInfo(image.path("width").asInt(0),
				image.path("height").asInt(0), JsonFields.text(image, "format")) : null;
		return new UploadcareFile(uuid, JsonFields.text(data, "original_filename"), data.path("size").asLong(0),
				JsonFields.text(data, "mime_type"), data.path("is_image").asBoolean(imageInfo != null),
				data.path("is_ready").asBoolean(true), instant(data, "datetime_uploaded"),
				instant(data, "datetime_stored"), instant(data, "datetime_removed"),
				uri(JsonFields.text(data, "original_file_url")), metadata(data.get("metadata")), imageInfo);
	}

	private static @Nullable Map<String, String> previousMetadata(@Nullable JsonNode previous) {
		if (previous == null || !previous.isObject() || !previous.has("metadata")) {
			return null;
		}
		return metadata(previous.get("metadata"));
	}

	private static Map<String, String> metadata(@Nullable JsonNode node) {
		Map<String, String> metadata = new LinkedHashMap<>();
		if (node != null && node.isObject()) {
			for (Map.Entry<String, JsonNode> entry : node.properties()) {
				if (entry.getValue() != null && entry.getValue().isValueNode() && !entry.getValue().isNull()) {
					metadata.put(entry.getKey(), entry.getValue().asString());
				}
			}
		}
		return metadata;
	}

	private static @Nullable Instant instant(JsonNode json, String field) {
		String text = JsonFields.text(json, field);
		if (text == null || text.isEmpty()) {
			return null;
		}
		try {
			return Instant.parse(text);
		}
		catch (DateTimeParseException ex) {
			throw new UnreadableDeliveryException("the file's '" + field + "' is not an ISO-8601 time");
		}
	}

	private static @Nullable URI uri(@Nullable String text) {
		if (text == null || text.isEmpty()) {
			return null;
		}
		try {
			return URI.create(text);
		}
		catch (IllegalArgumentException ex) {
			return null; // informational only: a malformed URL must not lose the event
		}
	}

	/** A verified body that cannot be read as a delivery; the message says why, without quoting it. */
	static final class UnreadableDeliveryException extends RuntimeException {

		private static final long serialVersionUID = 1L;

		UnreadableDeliveryException(String message) {
			super(message);
		}

	}

}
