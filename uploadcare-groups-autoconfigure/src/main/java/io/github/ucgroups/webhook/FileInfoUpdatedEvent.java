package io.github.ucgroups.webhook;

import java.net.URI;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.github.ucgroups.UploadcareFile;

/**
 * A file's metadata or appdata changed ({@code file.info_updated}); the file carries the new
 * values, {@link #getPreviousMetadata()} the metadata before the change.
 */
public final class FileInfoUpdatedEvent extends FileWebhookEvent {

	private static final long serialVersionUID = 1L;

	private final transient @Nullable Map<String, String> previousMetadata;

	/**
	 * Creates the event.
	 * @param source what published it
	 * @param hook the subscription that delivered it
	 * @param initiator what caused it
	 * @param body the JSON body as received
	 * @param file the file, with the new values
	 * @param fileUrl the file's CDN URL, if reported
	 * @param previousMetadata the metadata before the change, or {@code null} if the metadata did
	 * not change (e.g. only appdata did; read {@code previous_values} from {@link #getBody()})
	 */
	public FileInfoUpdatedEvent(Object source, Hook hook, @Nullable Initiator initiator, String body,
			UploadcareFile file, @Nullable URI fileUrl, @Nullable Map<String, String> previousMetadata) {
		super(source, FILE_INFO_UPDATED, hook, initiator, body, file, fileUrl);
		this.previousMetadata = (previousMetadata != null) ? Map.copyOf(previousMetadata) : null;
	}

	/**
	 * Returns the metadata before the change.
	 * @return the previous metadata, or {@code null} if the metadata did not change
	 */
	public @Nullable Map<String, String> getPreviousMetadata() {
		return this.previousMetadata;
	}

}
