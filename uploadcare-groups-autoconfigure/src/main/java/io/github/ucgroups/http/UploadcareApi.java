package io.github.ucgroups.http;

/** Which service a request goes to; decides the base URL and how errors are read. */
public enum UploadcareApi {

	/** The Upload API: public key, {@code jsonerrors=1}, plain-text or envelope errors. */
	UPLOAD,

	/** The REST API v0.7: signed requests, {@code {"detail": …}} errors. */
	REST,

	/** Presigned storage URLs (multipart parts): absolute URLs, not an Uploadcare host. */
	STORAGE

}
