package io.github.ucgroups.client;

import java.util.function.Supplier;

import tools.jackson.databind.JsonNode;

import io.github.ucgroups.UploadOptions;
import io.github.ucgroups.UploadSource;
import io.github.ucgroups.UploadedFile;
import io.github.ucgroups.http.UploadcareRequest;
import io.github.ucgroups.http.UploadcareTransport;
import io.github.ucgroups.observation.UploadcareOperations;

import org.springframework.core.io.Resource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/** Uploads a file below the multipart threshold in one {@code POST /base/}. */
final class DirectUploader {

	static final String UPLOAD = UploadcareOperations.FILE_UPLOAD;

	private static final String BASE_PATH = "/base/";

	private final UploadcareTransport transport;

	private final UploadForm form;

	private final UploadSettings settings;

	DirectUploader(UploadcareTransport transport, UploadForm form, UploadSettings settings) {
		this.transport = transport;
		this.form = form;
		this.settings = settings;
	}

	UploadedFile upload(UploadSource source, UploadOptions options, UploadProgress.File progress) {
		long size = source.size();
		Supplier<Resource> content = SourceContent.of(source, 0, size, UPLOAD);
		String store = this.settings.storeFor(options).wireValue();
		UploadcareRequest request = this.form
			.post(UPLOAD, BASE_PATH, BASE_PATH, UploadForm.UPLOADCARE_PUB_KEY, (fields) -> {
				fields.add("UPLOADCARE_STORE", store);
				UploadForm.addMetadata(fields, options.metadata());
			}, (trailing) -> {
				HttpHeaders partHeaders = new HttpHeaders();
				partHeaders.setContentType(MediaType.parseMediaType(source.contentType()));
				trailing.add("file", new HttpEntity<>(content.get(), partHeaders));
			})
			.observationDetails((context) -> {
				context.setFileCount(1);
				context.setBytes(size);
			})
			.build();
		JsonNode json = this.transport.exchangeForJson(request);
		String uuid = UploadAnswers.requiredUuid(UPLOAD, json, "file");
		progress.advance(size);
		return new UploadedFile(uuid, source.filename(), size, source.contentType());
	}

}
