/**
 * Verification of Uploadcare credentials as the real service does it: legacy upload signatures, upload JWTs and REST request signatures. Written independently of the client's signing code.
 */
@NullMarked
package io.github.ucgroups.emulator.auth;

import org.jspecify.annotations.NullMarked;
