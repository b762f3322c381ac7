/**
 * Implementations of the public services. They use the public types, the signer and the
 * transport; nothing but the auto-configuration refers to them.
 */
@NullMarked
package io.github.ucgroups.client;

import org.jspecify.annotations.NullMarked;
