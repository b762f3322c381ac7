package io.github.ucgroups;

import java.net.URI;
import java.util.List;

/**
 * Uploads files to Uploadcare through the Upload API. The starter's auto-configuration
 * provides a bean.
 * <p>
 * Files smaller than {@code uploadcare.upload.multipart-threshold} (10 MiB by default) go in one
 * {@code POST /base/}; larger ones in a multipart upload whose parts
 * ({@code uploadcare.upload.part-size}) are read by offset from the source and sent in parallel
 * ({@code uploadcare.upload.part-concurrency}), each part retried on its own. Every request is
 * signed when signing is on, and retried on throttling, server and network errors as configured
 * under {@code uploadcare.retry.*}.
 */
public interface UploadService {

	/**
	 * Uploads a file with the default options.
	 * @param source the file
	 * @return the uploaded file
	 * @throws IllegalArgumentException if the source's size is unknown
	 * @throws UploadcareException if the upload fails
	 */
	default UploadedFile upload(UploadSource source) {
		return upload(source, UploadOptions.defaults());
	}

	/**
	 * Uploads a file.
	 * @param source the file
	 * @param options store mode, metadata and progress listener
	 * @return the uploaded file
	 * @throws IllegalArgumentException if the source's size is unknown
	 * @throws UploadcarePartUploadException if a part of a multipart upload failed for good
	 * (the upload is then not completed)
	 * @throws UploadcareException if the upload fails
	 */
	UploadedFile upload(UploadSource source, UploadOptions options);

	/**
	 * Uploads several files concurrently (at most {@code uploadcare.upload.max-concurrent-files}
	 * files at a time across the application). A failing file does not stop the others, so that the outcome of each one is known.
	 * @param sources the files
	 * @param options store mode, metadata (for every file) and progress listener
	 * @return the uploaded files, in the order of {@code sources}
	 * @throws IllegalArgumentException if the list is empty or holds a {@code null} or a source of
	 * unknown size
	 * @throws UploadcareBatchUploadException if any file failed: it lists the files that were
	 * uploaded (now orphans unless used) and the ones that failed
	 */
	List<UploadedFile> uploadAll(List<UploadSource> sources, UploadOptions options);

	/**
	 * Makes Uploadcare fetch a file from a URL, then waits until it has it (polling with
	 * back-off, at most {@code uploadcare.upload.from-url-timeout}).
	 * @param url an absolute {@code http} or {@code https} URL
	 * @return the uploaded file
	 * @throws UploadcareFromUrlException if Uploadcare reports an error or an unknown token, or
	 * the wait times out or is interrupted
	 * @throws UploadcareException if a request fails
	 */
	default UploadedFile uploadFromUrl(URI url) {
		return uploadFromUrl(url, UploadOptions.defaults());
	}

	/**
	 * Makes Uploadcare fetch a file from a URL, then waits until it has it.
	 * @param url an absolute {@code http} or {@code https} URL
	 * @param options store mode, metadata and progress listener
	 * @return the uploaded file
	 * @throws UploadcareFromUrlException if Uploadcare reports an error or an unknown token, or
	 * the wait times out or is interrupted
	 * @throws UploadcareException if a request fails
	 */
	UploadedFile uploadFromUrl(URI url, UploadOptions options);

}
