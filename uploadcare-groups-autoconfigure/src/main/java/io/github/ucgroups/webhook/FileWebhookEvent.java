package io.github.ucgroups.webhook;

import java.net.URI;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import io.github.ucgroups.UploadcareFile;

/**
 * A webhook delivery about one file ({@code file.*} events): the file as Uploadcare described it
 * when the event happened.
 */
public abstract class FileWebhookEvent extends UploadcareWebhookEvent {

	private static final long serialVersionUID = 1L;

	private final transient UploadcareFile file;

	private final @Nullable URI fileUrl;

	/**
	 * Creates the event.
	 * @param source what published it
	 * @param eventType the event type
	 * @param hook the subscription that delivered it
	 * @param initiator what caused it
	 * @param body the JSON body as received
	 * @param file the file ({@code data} in the payload)
	 * @param fileUrl the file's CDN URL ({@code file} in the payload), if reported
	 */
	protected FileWebhookEvent(Object source, String eventType, Hook hook, @Nullable Initiator initiator, String body,
			UploadcareFile file, @Nullable URI fileUrl) {
		super(source, eventType, hook, initiator, body);
		this.file = Objects.requireNonNull(file, "file must not be null");
		this.fileUrl = fileUrl;
	}

	/**
	 * Returns the file.
	 * @return the file as Uploadcare described it
	 */
	public UploadcareFile getFile() {
		return this.file;
	}

	/**
	 * Returns the file's CDN URL as Uploadcare reported it (build CDN URLs with {@code CdnUrls}
	 * rather than trusting its host).
	 * @return the URL, or {@code null}
	 */
	public @Nullable URI getFileUrl() {
		return this.fileUrl;
	}

	@Override
	public String toString() {
		return getClass().getSimpleName() + "[eventType=" + getEventType() + ", file=" + this.file.uuid() + ", hook="
				+ getHook().id() + ", project=" + getHook().projectPublicKey() + "]";
	}

}
