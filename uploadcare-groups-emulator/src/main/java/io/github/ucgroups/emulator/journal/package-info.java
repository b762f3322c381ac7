/**
 * The request journal tests read to check what a client sent (credentials redacted).
 */
@NullMarked
package io.github.ucgroups.emulator.journal;

import org.jspecify.annotations.NullMarked;
