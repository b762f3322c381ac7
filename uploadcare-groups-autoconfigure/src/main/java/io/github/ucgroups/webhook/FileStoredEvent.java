package io.github.ucgroups.webhook;

import java.net.URI;

import org.jspecify.annotations.Nullable;

import io.github.ucgroups.UploadcareFile;

/** A file was stored for good ({@code file.stored}). */
public final class FileStoredEvent extends FileWebhookEvent {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates the event.
	 * @param source what published it
	 * @param hook the subscription that delivered it
	 * @param initiator what caused it
	 * @param body the JSON body as received
	 * @param file the file
	 * @param fileUrl the file's CDN URL, if reported
	 */
	public FileStoredEvent(Object source, Hook hook, @Nullable Initiator initiator, String body, UploadcareFile file,
			@Nullable URI fileUrl) {
		super(source, FILE_STORED, hook, initiator, body, file, fileUrl);
	}

}
