/**
 * An in-process emulator of Uploadcare's Upload API, REST API (groups subset) and CDN for tests and offline development: start one with {@link io.github.ucgroups.emulator.UploadcareEmulator#builder()}.
 */
@NullMarked
package io.github.ucgroups.emulator;

import org.jspecify.annotations.NullMarked;
