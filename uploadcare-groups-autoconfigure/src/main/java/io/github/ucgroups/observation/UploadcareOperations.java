package io.github.ucgroups.observation;

/**
 * The operation names of every call the starter makes: the value of the low-cardinality key
 * {@code operation} on {@value DefaultUploadcareObservationConvention#NAME} (and of
 * {@code uploadcare.retries}), and the operation an {@link io.github.ucgroups.UploadcareException}
 * names. One place, so that dashboards and alerts can rely on them; a
 * {@link DefaultUploadcareObservationConvention} subclass may map them to other values.
 */
public final class UploadcareOperations {

	/** Upload API {@code POST /group/}: creates a group of existing files. */
	public static final String GROUP_CREATE = "group.create";

	/** Upload API {@code GET /group/info/}: reads a group. */
	public static final String GROUP_INFO = "group.info";

	/** Uploads a submission's files, then creates their group (the uploads and the creation nest under it). */
	public static final String GROUP_CREATE_FROM_UPLOADS = "group.create-from-uploads";

	/** Upload API {@code POST /base/}: a direct upload of one file. */
	public static final String FILE_UPLOAD = "file.upload";

	/** Uploads the files of one submission concurrently (each file's upload nests under it). */
	public static final String FILE_UPLOAD_BATCH = "file.upload-batch";

	/** A {@code PUT} of one part of a multipart upload to its presigned URL. */
	public static final String FILE_UPLOAD_PART = "file.upload.part";

	/** Upload API {@code POST /multipart/start/}. */
	public static final String FILE_MULTIPART_START = "file.multipart.start";

	/** Upload API {@code POST /multipart/complete/}. */
	public static final String FILE_MULTIPART_COMPLETE = "file.multipart.complete";

	/** Upload API {@code GET /info/}: reads an uploaded file. */
	public static final String FILE_INFO = "file.info";

	/** Upload API {@code POST /from_url/}: starts an upload from a URL. */
	public static final String FILE_FROM_URL = "file.from-url";

	/** Upload API {@code GET /from_url/status/}: polls an upload from a URL. */
	public static final String FILE_FROM_URL_STATUS = "file.from-url.status";

	/** REST API {@code GET /groups/}: lists groups. */
	public static final String REST_GROUPS_LIST = "rest.groups.list";

	/** REST API {@code GET /groups/{id}/}: reads a group. */
	public static final String REST_GROUPS_GET = "rest.groups.get";

	/** REST API {@code DELETE /groups/{id}/}: deletes a group. */
	public static final String REST_GROUPS_DELETE = "rest.groups.delete";

	/** REST API {@code PUT /files/storage/}: stores files. */
	public static final String REST_FILES_STORE = "rest.files.store";

	/** REST API {@code DELETE /files/storage/}: deletes files. */
	public static final String REST_FILES_DELETE = "rest.files.delete";

	/** REST API {@code GET /webhooks/}: lists webhook subscriptions. */
	public static final String REST_WEBHOOKS_LIST = "rest.webhooks.list";

	/** REST API {@code POST /webhooks/}: subscribes to an event. */
	public static final String REST_WEBHOOKS_CREATE = "rest.webhooks.create";

	/** REST API {@code PUT /webhooks/{id}/}: changes a subscription. */
	public static final String REST_WEBHOOKS_UPDATE = "rest.webhooks.update";

	/** REST API {@code DELETE /webhooks/{id}/}: removes a subscription. */
	public static final String REST_WEBHOOKS_DELETE = "rest.webhooks.delete";

	/** The health indicator's probe, Upload API {@code GET /group/info/}. */
	public static final String HEALTH_PROBE = "health.probe";

	private UploadcareOperations() {
	}

}
