package io.github.ucgroups.webhook;

import java.io.Serializable;
import java.net.URI;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEvent;

/**
 * A verified webhook delivery from Uploadcare, published as a Spring application event once per
 * delivery (duplicates within the de-duplication window are not published again). Listen to this
 * type for every delivery, or to a subtype for one kind:
 * {@link FileUploadedEvent}, {@link FileStoredEvent}, {@link FileDeletedEvent},
 * {@link FileInfoUpdatedEvent}, {@link FileInfectedEvent}. A delivery of a kind this starter does
 * not know is published as an instance of this class itself, with its {@link #getBody()} to read.
 */
public class UploadcareWebhookEvent extends ApplicationEvent {

	private static final long serialVersionUID = 1L;

	/** A new file was uploaded to the project. */
	public static final String FILE_UPLOADED = "file.uploaded";

	/** A file was stored for good. */
	public static final String FILE_STORED = "file.stored";

	/** A file was deleted. */
	public static final String FILE_DELETED = "file.deleted";

	/** A file's metadata or appdata changed. */
	public static final String FILE_INFO_UPDATED = "file.info_updated";

	/** A virus was found in a file (Uploadcare deprecates it in favour of {@link #FILE_INFO_UPDATED}). */
	public static final String FILE_INFECTED = "file.infected";

	private final String eventType;

	private final Hook hook;

	private final @Nullable Initiator initiator;

	private final String body;

	/**
	 * Creates the event.
	 * @param source what published it (the receiver)
	 * @param eventType the event type, e.g. {@code file.stored}
	 * @param hook the subscription that delivered it
	 * @param initiator what caused it, if reported
	 * @param body the delivery's JSON body, as received
	 */
	public UploadcareWebhookEvent(Object source, String eventType, Hook hook, @Nullable Initiator initiator,
			String body) {
		super(source);
		this.eventType = Objects.requireNonNull(eventType, "eventType must not be null");
		this.hook = Objects.requireNonNull(hook, "hook must not be null");
		this.initiator = initiator;
		this.body = Objects.requireNonNull(body, "body must not be null");
	}

	/**
	 * Returns the event type.
	 * @return e.g. {@code file.stored}
	 */
	public String getEventType() {
		return this.eventType;
	}

	/**
	 * Returns the subscription that delivered the event.
	 * @return the hook
	 */
	public Hook getHook() {
		return this.hook;
	}

	/**
	 * Returns what caused the event, if Uploadcare said.
	 * @return the initiator, or {@code null}
	 */
	public @Nullable Initiator getInitiator() {
		return this.initiator;
	}

	/**
	 * Returns the delivery's JSON body exactly as it was received and verified, for fields this
	 * class does not expose.
	 * @return the JSON text
	 */
	public String getBody() {
		return this.body;
	}

	@Override
	public String toString() {
		return getClass().getSimpleName() + "[eventType=" + this.eventType + ", hook=" + this.hook.id() + ", project="
				+ this.hook.projectPublicKey() + "]";
	}

	/**
	 * The subscription that sent a delivery ({@code hook} in the payload).
	 *
	 * @param id the subscription's id
	 * @param event the event type it is subscribed to
	 * @param target the target URL it posts to, if reported
	 * @param projectPublicKey the public key of the project the event happened in, if reported
	 * @param projectId the project's numeric id, if reported
	 * @param version the payload version, if reported
	 */
	public record Hook(long id, String event, @Nullable URI target, @Nullable String projectPublicKey,
			@Nullable Long projectId, @Nullable String version) implements Serializable {

		/**
		 * Creates the record.
		 * @param id the id
		 * @param event the event type
		 * @param target the target URL
		 * @param projectPublicKey the project's public key
		 * @param projectId the project's id
		 * @param version the payload version
		 */
		public Hook {
			Objects.requireNonNull(event, "event must not be null");
		}

	}

	/**
	 * What caused an event ({@code initiator} in the payload).
	 *
	 * @param type e.g. {@code api}, {@code system} or {@code addon}
	 * @param requestId the id of the API request that caused it, if any
	 * @param addonName the add-on that caused it, if any
	 * @param sourceFileUuid the file it was derived from, if any
	 */
	public record Initiator(@Nullable String type, @Nullable String requestId, @Nullable String addonName,
			@Nullable String sourceFileUuid) implements Serializable {
	}

}
