package io.github.ucgroups.client;

import java.net.URI;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;

import io.github.ucgroups.UploadOptions;
import io.github.ucgroups.UploadProgressListener;
import io.github.ucgroups.UploadcareException;
import io.github.ucgroups.UploadcareFromUrlException;
import io.github.ucgroups.UploadcareServerException;
import io.github.ucgroups.UploadedFile;
import io.github.ucgroups.http.JsonFields;
import io.github.ucgroups.http.UploadcareApi;
import io.github.ucgroups.http.UploadcareRequest;
import io.github.ucgroups.http.UploadcareTransport;
import io.github.ucgroups.observation.UploadcareOperations;

import org.springframework.http.HttpMethod;

/**
 * Uploads from a URL: {@code POST /from_url/}, then polls {@code GET /from_url/status/} with
 * doubling waits, bounded by the from-URL timeout, until a final status.
 */
final class FromUrlUploader {

	static final String FROM_URL = UploadcareOperations.FILE_FROM_URL;

	static final String FROM_URL_STATUS = UploadcareOperations.FILE_FROM_URL_STATUS;

	private static final String FROM_URL_PATH = "/from_url/";

	private final UploadcareTransport transport;

	private final UploadForm form;

	private final UploadSettings settings;

	FromUrlUploader(UploadcareTransport transport, UploadForm form, UploadSettings settings) {
		this.transport = transport;
		this.form = form;
		this.settings = settings;
	}

	UploadedFile upload(URI url, UploadOptions options) {
		String store = this.settings.storeFor(options).wireValue();
		UploadcareRequest request = this.form
			.post(FROM_URL, FROM_URL_PATH, FROM_URL_PATH, UploadForm.PUB_KEY, (fields) -> {
				fields.add("source_url", url.toString());
				fields.add("store", store);
				UploadForm.addMetadata(fields, options.metadata());
			})
			.build();
		JsonNode json = this.transport.exchangeForJson(request);
		String token = JsonFields.text(json, "token");
		if (token == null) {
			if (UploadAnswers.uuidOf(json) != null) {
				return UploadAnswers.fileFromInfo(FROM_URL, json, url); // a duplicate Uploadcare already had
			}
			throw new UploadcareServerException(FROM_URL, 200, null, "the answer has neither a token nor a file", null);
		}
		return await(url, token, options.progressListener());
	}

	private UploadedFile await(URI url, String token, UploadProgressListener listener) {
		long deadline = System.nanoTime() + this.settings.fromUrlTimeout().toNanos();
		long delay = Math.max(1, this.settings.pollInitialDelay().toMillis());
		long maxDelay = Math.max(delay, this.settings.pollMaxDelay().toMillis());
		while (true) {
			long remaining = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
			if (remaining <= 0) {
				throw new UploadcareFromUrlException(FROM_URL, UploadcareFromUrlException.Reason.TIMEOUT, token, null,
						"Uploadcare had not fetched " + url + " within " + this.settings.fromUrlTimeout()
								+ " (token " + token + "); it may still finish",
						null);
			}
			try {
				Thread.sleep(Math.min(delay, remaining));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw interrupted(url, token, ex);
			}
			JsonNode status = poll(url, token);
			String state = String.valueOf(JsonFields.text(status, "status"));
			switch (state) {
				case "success":
					return UploadAnswers.fileFromInfo(FROM_URL_STATUS, status, url);
				case "error", "failed":
					// "failed" is seen from the live service too (one official client knows it): as final as "error".
					String message = JsonFields.text(status, "error");
					throw new UploadcareFromUrlException(FROM_URL, UploadcareFromUrlException.Reason.ERROR, token,
							JsonFields.text(status, "error_code"), "Uploadcare could not fetch " + url + " (status '"
									+ state + "'): " + ((message != null) ? message : "(no message)"),
							null);
				case "unknown":
					throw new UploadcareFromUrlException(FROM_URL, UploadcareFromUrlException.Reason.UNKNOWN, token,
							null, "Uploadcare does not know the upload token " + token + " (for " + url + ")", null);
				case "progress":
					long done = status.path("done").asLong(0);
					long total = status.path("total").asLong(0);
					if (total > 0) {
						UploadProgress.reportBatch(listener, done, total);
					}
					break;
				default:
					break; // waiting, or a state this client does not know yet: keep polling
			}
			delay = Math.min(delay * 2, maxDelay);
		}
	}

	private JsonNode poll(URI url, String token) {
		UploadcareRequest poll = UploadcareRequest
			.to(FROM_URL_STATUS, UploadcareApi.UPLOAD, HttpMethod.GET, "/from_url/status/")
			.query("token", token)
			.build();
		try {
			return this.transport.exchangeForJson(poll);
		}
		catch (UploadcareException ex) {
			if (Thread.currentThread().isInterrupted()) {
				throw interrupted(url, token, ex);
			}
			throw ex;
		}
	}

	private static UploadcareFromUrlException interrupted(URI url, String token, Exception cause) {
		return new UploadcareFromUrlException(FROM_URL, UploadcareFromUrlException.Reason.INTERRUPTED, token, null,
				"interrupted while waiting for Uploadcare to fetch " + url, cause);
	}

}
