package io.github.ucgroups.client;

import java.util.concurrent.atomic.AtomicLong;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import io.github.ucgroups.UploadProgressListener;
import io.github.ucgroups.UploadSource;

/**
 * The progress of one submission (a batch, or a single upload): counts the bytes uploaded per
 * file and in all, and tells the listener, whose failures never end an upload.
 */
final class UploadProgress {

	// Logged under the service's name, the category users configure.
	private static final Log logger = LogFactory.getLog(DefaultUploadService.class);

	private final UploadProgressListener listener;

	private final long total;

	private final AtomicLong done = new AtomicLong();

	UploadProgress(UploadProgressListener listener, long total) {
		this.listener = listener;
		this.total = total;
	}

	/**
	 * Returns the progress of one file of the submission.
	 * @param index the file's position
	 * @param source the file
	 * @return its progress
	 */
	File file(int index, UploadSource source) {
		return new File(index, source);
	}

	/**
	 * Tells a listener of batch progress reported by Uploadcare (from-URL uploads).
	 * @param listener the listener
	 * @param done bytes done
	 * @param total bytes in all
	 */
	static void reportBatch(UploadProgressListener listener, long done, long total) {
		notifySafely(() -> listener.onBatchProgress(done, total));
	}

	private static void notifySafely(Runnable call) {
		try {
			call.run();
		}
		catch (RuntimeException ex) {
			logger.debug("An upload progress listener failed; ignored", ex);
		}
	}

	/** The progress of one file of a submission. */
	final class File {

		private final int index;

		private final UploadSource source;

		private final AtomicLong fileDone = new AtomicLong();

		private File(int index, UploadSource source) {
			this.index = index;
			this.source = source;
		}

		/**
		 * Counts bytes of this file as uploaded.
		 * @param bytes how many
		 */
		void advance(long bytes) {
			UploadProgressListener listener = UploadProgress.this.listener;
			if (listener == UploadProgressListener.NONE) {
				return;
			}
			long doneOfFile = this.fileDone.addAndGet(bytes);
			long doneOfBatch = UploadProgress.this.done.addAndGet(bytes);
			notifySafely(() -> listener.onFileProgress(this.index, this.source, doneOfFile, this.source.size()));
			notifySafely(() -> listener.onBatchProgress(doneOfBatch, UploadProgress.this.total));
		}

	}

}
