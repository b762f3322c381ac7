/**
 * Ahead-of-time processing support: the runtime hints the starter's types need in a native
 * image.
 */
@NullMarked
package io.github.ucgroups.aot;

import org.jspecify.annotations.NullMarked;
