package io.github.ucgroups.emulator.store;

/**
 * What the emulator learnt about an image file by reading its header.
 *
 * @param width the width in pixels
 * @param height the height in pixels
 * @param format the format as Uploadcare names it, e.g. {@code PNG} or {@code JPEG}
 */
public record ImageInfo(int width, int height, String format) {
}
