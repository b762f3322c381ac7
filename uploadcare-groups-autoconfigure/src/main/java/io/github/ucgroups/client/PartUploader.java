package io.github.ucgroups.client;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import io.github.ucgroups.UploadSource;
import io.github.ucgroups.UploadcareException;
import io.github.ucgroups.UploadcareNetworkException;
import io.github.ucgroups.UploadcarePartUploadException;
import io.github.ucgroups.http.UploadcareApi;
import io.github.ucgroups.http.UploadcareRequest;
import io.github.ucgroups.http.UploadcareTransport;
import io.github.ucgroups.observation.UploadcareOperations;

import org.springframework.core.io.Resource;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

/**
 * Uploads the parts of a multipart upload to their presigned URLs, in parallel under the part
 * concurrency limit, each part read from the source by offset and retried on its own; the first
 * part that fails for good stops the others.
 */
final class PartUploader {

	static final String PART = UploadcareOperations.FILE_UPLOAD_PART;

	private final UploadcareTransport transport;

	private final UploadSettings settings;

	private final UploadExecutors executors;

	PartUploader(UploadcareTransport transport, UploadSettings settings, UploadExecutors executors) {
		this.transport = transport;
		this.settings = settings;
		this.executors = executors;
	}

	private record PartFailure(int number, long offset, long length, UploadcareException cause) {
	}

	/**
	 * Uploads every part.
	 * @param uuid the multipart upload's UUID, for messages
	 * @param source the file
	 * @param urls the presigned part URLs, in part order
	 * @param progress counts the uploaded bytes
	 * @throws UploadcarePartUploadException if a part failed for good
	 * @throws UploadcareNetworkException if interrupted or cancelled by the shutdown
	 */
	void uploadParts(String uuid, UploadSource source, List<URI> urls, UploadProgress.File progress) {
		long size = source.size();
		long partSize = this.settings.partSize();
		MediaType contentType = MediaType.parseMediaType(source.contentType());
		// At most partConcurrency parts of this file are in flight (and, for a one-shot stream,
		// buffered) at any time; a permit is returned when a part's PUT ends.
		Semaphore permits = new Semaphore(this.settings.partConcurrency());
		AtomicReference<@Nullable PartFailure> failure = new AtomicReference<>();
		List<Future<?>> futures = new ArrayList<>(urls.size());
		try {
			for (int i = 0; i < urls.size() && failure.get() == null; i++) {
				// A part cancelled by close() before it ran never returns its permit: look up.
				while (!permits.tryAcquire(100, TimeUnit.MILLISECONDS)) {
					if (this.executors.isCancelling()) {
						throw cancelledByShutdown(uuid, source);
					}
				}
				if (failure.get() != null) {
					permits.release();
					break;
				}
				int number = i + 1;
				long offset = i * partSize;
				long length = Math.min(partSize, size - offset);
				URI url = urls.get(i);
				Supplier<Resource> content;
				try {
					content = SourceContent.of(source, offset, length, PART);
				}
				catch (RuntimeException ex) {
					permits.release();
					throw ex;
				}
				try {
					futures.add(this.executors.submitPart(() -> {
						try {
							if (failure.get() == null) {
								putPart(url, contentType, content, length);
								progress.advance(length);
							}
						}
						catch (UploadcareException ex) {
							failure.compareAndSet(null, new PartFailure(number, offset, length, ex));
						}
						catch (RuntimeException ex) {
							failure.compareAndSet(null, new PartFailure(number, offset, length,
									new UploadcareException(PART, 0, null, String.valueOf(ex), ex)));
						}
						finally {
							permits.release();
						}
						return null;
					}));
				}
				catch (RejectedExecutionException ex) {
					permits.release();
					throw new IllegalStateException("The upload service has been closed", ex);
				}
			}
			for (Future<?> future : futures) {
				future.get();
			}
		}
		catch (CancellationException ex) {
			futures.forEach((future) -> future.cancel(true));
			throw cancelledByShutdown(uuid, source);
		}
		catch (InterruptedException ex) {
			futures.forEach((future) -> future.cancel(true));
			Thread.currentThread().interrupt();
			throw new UploadcareNetworkException(PART,
					"interrupted while uploading the parts of '" + source.filename() + "' (upload " + uuid + ")", false,
					ex);
		}
		catch (ExecutionException ex) {
			// The tasks catch every RuntimeException; only Errors get here.
			futures.forEach((future) -> future.cancel(true));
			throw new IllegalStateException("Uploading a part failed", ex.getCause());
		}
		catch (RuntimeException ex) {
			futures.forEach((future) -> future.cancel(true));
			throw ex;
		}
		PartFailure failed = failure.get();
		if (failed != null) {
			throw new UploadcarePartUploadException(uuid, source.filename(), failed.number(), urls.size(),
					failed.offset(), failed.length(), failed.cause());
		}
	}

	private static UploadcareNetworkException cancelledByShutdown(String uuid, UploadSource source) {
		return new UploadcareNetworkException(PART, "cancelled: the upload service was shut down while uploading the "
				+ "parts of '" + source.filename() + "' (upload " + uuid + ")", false, null);
	}

	private void putPart(URI url, MediaType contentType, Supplier<Resource> content, long length) {
		UploadcareRequest request = UploadcareRequest.toUri(PART, UploadcareApi.STORAGE, HttpMethod.PUT, url)
			.body(contentType, content)
			.observationDetails((context) -> context.setBytes(length))
			.build();
		this.transport.exchange(request);
	}

}
