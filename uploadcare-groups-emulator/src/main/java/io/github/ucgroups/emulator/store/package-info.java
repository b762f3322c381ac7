/**
 * The emulator's state: stored files, groups and multipart uploads, with file bytes in memory up to a cap and spilled to a temporary directory beyond it.
 */
@NullMarked
package io.github.ucgroups.emulator.store;

import org.jspecify.annotations.NullMarked;
