package io.github.ucgroups.emulator.store;

/**
 * One file of a group as given at creation.
 *
 * @param fileUuid the file UUID
 * @param defaultEffects the CDN operations given with the file, without the leading
 * {@code -/} (for example {@code resize/x800/}), or an empty string
 */
public record GroupEntry(String fileUuid, String defaultEffects) {
}
