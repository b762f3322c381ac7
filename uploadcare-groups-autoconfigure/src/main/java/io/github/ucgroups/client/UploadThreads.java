package io.github.ucgroups.client;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.core.task.VirtualThreadTaskExecutor;

/**
 * Makes the threads of {@link DefaultUploadService}'s two bounded pools (files of a batch,
 * parts of multipart uploads). The pools, and so the concurrency limits, are the same whatever
 * kind of thread runs in them: only the threads differ.
 */
@FunctionalInterface
public interface UploadThreads {

	/**
	 * Creates the thread factory of one pool.
	 * @param namePrefix the prefix of the threads' names, e.g. {@code uploadcare-upload-}
	 * @return the thread factory
	 */
	ThreadFactory threadFactory(String namePrefix);

	/**
	 * Platform threads, named {@code <prefix>1}, {@code <prefix>2}…, not daemons (an upload in
	 * flight keeps the JVM alive until the service is closed). The default, and the only choice on
	 * Java 17.
	 * @return platform threads
	 */
	static UploadThreads platform() {
		return (namePrefix) -> {
			AtomicInteger counter = new AtomicInteger();
			return (runnable) -> {
				Thread thread = new Thread(runnable, namePrefix + counter.incrementAndGet());
				thread.setDaemon(false);
				return thread;
			};
		};
	}

	/**
	 * Virtual threads (Java 21+), named from the prefix; the auto-configuration chooses them when
	 * {@code spring.threads.virtual.enabled=true} on Java 21+. Virtual threads are always daemons:
	 * {@link DefaultUploadService#close()} still waits for uploads in flight.
	 * @return virtual threads
	 * @throws UnsupportedOperationException on Java before 21, when a factory is created
	 */
	static UploadThreads virtual() {
		return (namePrefix) -> new VirtualThreadTaskExecutor(namePrefix).getVirtualThreadFactory();
	}

}
