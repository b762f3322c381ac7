package io.github.ucgroups.emulator.store;

import java.time.Instant;

/**
 * A recently deleted file: its bytes are gone, but groups still show it, as an object with
 * {@code datetime_removed} set (as real REST answers do; only long-purged files read
 * {@code null}).
 *
 * @param file the file as it was when deleted ({@link FileContent} no longer readable)
 * @param removed when it was deleted
 */
public record RemovedFile(StoredFile file, Instant removed) {
}
