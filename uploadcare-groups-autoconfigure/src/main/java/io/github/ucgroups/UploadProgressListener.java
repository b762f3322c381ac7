package io.github.ucgroups;

/**
 * Told how far uploads have come. Progress is reported when a whole direct upload or one part
 * of a multipart upload has been accepted, so counts never go back on retries. For an upload
 * from a URL, only {@link #onBatchProgress} is called, with the counts Uploadcare reports while
 * it fetches the file. Methods are
 * called from upload threads, possibly concurrently: implementations must be thread-safe and
 * quick.
 */
public interface UploadProgressListener {

	/** A listener that ignores everything. */
	UploadProgressListener NONE = new UploadProgressListener() {
	};

	/**
	 * Called when more bytes of one file have been uploaded.
	 * @param index the file's position in the submission (0 for a single upload)
	 * @param source the file
	 * @param bytesDone bytes of this file uploaded so far
	 * @param bytesTotal the file's size
	 */
	default void onFileProgress(int index, UploadSource source, long bytesDone, long bytesTotal) {
	}

	/**
	 * Called when more bytes of the whole submission have been uploaded (for a single upload,
	 * the submission is that one file).
	 * @param bytesDone bytes uploaded so far, all files together
	 * @param bytesTotal the size of all files together
	 */
	default void onBatchProgress(long bytesDone, long bytesTotal) {
	}

}
