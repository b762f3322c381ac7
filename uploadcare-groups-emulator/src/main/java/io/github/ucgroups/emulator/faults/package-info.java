/**
 * Deterministic, scriptable fault injection: throttling, server errors, latency and dropped connections.
 */
@NullMarked
package io.github.ucgroups.emulator.faults;

import org.jspecify.annotations.NullMarked;
