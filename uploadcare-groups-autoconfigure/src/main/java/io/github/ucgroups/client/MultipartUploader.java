package io.github.ucgroups.client;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import tools.jackson.databind.JsonNode;

import io.github.ucgroups.UploadOptions;
import io.github.ucgroups.UploadSource;
import io.github.ucgroups.UploadcareException;
import io.github.ucgroups.UploadcareMultipartUploadException;
import io.github.ucgroups.UploadcareServerException;
import io.github.ucgroups.UploadedFile;
import io.github.ucgroups.http.UploadcareApi;
import io.github.ucgroups.http.UploadcareRequest;
import io.github.ucgroups.http.UploadcareTransport;
import io.github.ucgroups.observation.UploadcareOperations;

import org.springframework.http.HttpMethod;

/**
 * Uploads a file from the multipart threshold on: {@code POST /multipart/start/}, the parts
 * ({@link PartUploader}), {@code POST /multipart/complete/}. Once start has given the upload a
 * UUID every failure names it ({@link UploadcareMultipartUploadException}); a complete whose
 * answer was lost and whose retry is answered "already uploaded" is confirmed with
 * {@code GET /info/} and is a success.
 */
final class MultipartUploader {

	static final String MULTIPART_START = UploadcareOperations.FILE_MULTIPART_START;

	static final String MULTIPART_COMPLETE = UploadcareOperations.FILE_MULTIPART_COMPLETE;

	static final String FILE_INFO = UploadcareOperations.FILE_INFO;

	/** One JWT scope for every multipart step ({@code /multipart/start/} and {@code /multipart/complete/}). */
	private static final String MULTIPART_SCOPE = "/multipart/*";

	private static final String START_PATH = "/multipart/start/";

	private static final String COMPLETE_PATH = "/multipart/complete/";

	/** Uploadcare's answer to completing a finished multipart upload again (its code and text). */
	private static final String ALREADY_UPLOADED_CODE = "MultipartFileAlreadyUploadedError";

	private static final String ALREADY_UPLOADED_TEXT = "file is already uploaded";

	// Logged under the service's name, the category users configure.
	private static final Log logger = LogFactory.getLog(DefaultUploadService.class);

	private final UploadcareTransport transport;

	private final UploadForm form;

	private final UploadSettings settings;

	private final PartUploader parts;

	MultipartUploader(UploadcareTransport transport, UploadForm form, UploadSettings settings,
			UploadExecutors executors) {
		this.transport = transport;
		this.form = form;
		this.settings = settings;
		this.parts = new PartUploader(transport, settings, executors);
	}

	UploadedFile upload(UploadSource source, UploadOptions options, UploadProgress.File progress,
			UploadExecutors.InFlight call) {
		long size = source.size();
		long partSize = this.settings.partSize();
		int partCount = (int) ((size + partSize - 1) / partSize);
		String store = this.settings.storeFor(options).wireValue();
		UploadcareRequest start = this.form
			.post(MULTIPART_START, START_PATH, MULTIPART_SCOPE, UploadForm.UPLOADCARE_PUB_KEY, (fields) -> {
				fields.add("UPLOADCARE_STORE", store);
				fields.add("filename", source.filename());
				fields.add("size", Long.toString(size));
				fields.add("content_type", source.contentType());
				fields.add("part_size", Long.toString(partSize));
				UploadForm.addMetadata(fields, options.metadata());
			})
			.observationDetails((context) -> {
				context.setFileCount(1);
				context.setBytes(size);
			})
			.build();
		JsonNode json = this.transport.exchangeForJson(start);
		String uuid = UploadAnswers.requiredUuid(MULTIPART_START, json, "uuid");
		call.multipartStarted.add(uuid);
		try {
			List<URI> urls = partUrls(json, partCount);
			this.parts.uploadParts(uuid, source, urls, progress);
			complete(uuid);
		}
		catch (UploadcareMultipartUploadException ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			// From here on Uploadcare knows the UUID: the failure must name it (possibly stored).
			throw new UploadcareMultipartUploadException(uuid, source.filename(), ex);
		}
		call.multipartStarted.remove(uuid);
		return new UploadedFile(uuid, source.filename(), size, source.contentType());
	}

	private static List<URI> partUrls(JsonNode json, int partCount) {
		JsonNode parts = json.get("parts");
		if (parts == null || !parts.isArray() || parts.size() != partCount) {
			throw new UploadcareServerException(MULTIPART_START, 200, null, "expected " + partCount
					+ " part URLs, Uploadcare sent " + ((parts != null && parts.isArray()) ? parts.size() : "none"),
					null);
		}
		List<URI> urls = new ArrayList<>(partCount);
		for (JsonNode part : parts) {
			try {
				URI uri = URI.create(part.asString());
				if (!uri.isAbsolute()) {
					throw new IllegalArgumentException("not absolute");
				}
				urls.add(uri);
			}
			catch (IllegalArgumentException ex) {
				throw new UploadcareServerException(MULTIPART_START, 200, null,
						"Uploadcare sent a malformed part URL: " + ex.getMessage(), ex);
			}
		}
		return urls;
	}

	/**
	 * Completes a multipart upload. When the answer to a first complete was lost (a time-out, a
	 * dropped connection) the retry is answered {@code 400 File is already uploaded.}: that is
	 * success once {@code GET /info/} confirms the file.
	 */
	private void complete(String uuid) {
		UploadcareRequest complete = this.form
			.postWithToken(MULTIPART_COMPLETE, COMPLETE_PATH, MULTIPART_SCOPE, (fields) -> fields.add("uuid", uuid))
			.build();
		try {
			this.transport.exchangeForJson(complete);
		}
		catch (UploadcareException ex) {
			if (!isAlreadyUploaded(ex)) {
				throw ex;
			}
			logger.debug("Multipart upload " + uuid + " was already complete (an earlier answer was lost); "
					+ "confirming with /info/");
			confirmUploaded(uuid, ex);
		}
	}

	private static boolean isAlreadyUploaded(UploadcareException ex) {
		return ALREADY_UPLOADED_CODE.equals(ex.getErrorCode())
				|| ex.getDetail().toLowerCase(Locale.ROOT).contains(ALREADY_UPLOADED_TEXT);
	}

	private void confirmUploaded(String uuid, UploadcareException alreadyUploaded) {
		UploadcareRequest info = UploadcareRequest.to(FILE_INFO, UploadcareApi.UPLOAD, HttpMethod.GET, "/info/")
			.query(UploadForm.PUB_KEY, this.form.publicKey())
			.query("file_id", uuid)
			.build();
		JsonNode json;
		try {
			json = this.transport.exchangeForJson(info);
		}
		catch (UploadcareException ex) {
			ex.addSuppressed(alreadyUploaded);
			throw ex;
		}
		String confirmed = UploadAnswers.uuidOf(json);
		if (!uuid.equalsIgnoreCase(String.valueOf(confirmed))) {
			UploadcareServerException mismatch = new UploadcareServerException(FILE_INFO, 200, null,
					"Uploadcare answered /info/ for " + uuid + " with another file: " + confirmed, null);
			mismatch.addSuppressed(alreadyUploaded);
			throw mismatch;
		}
	}

}
