/**
 * The emulator as a program of its own, for front-end developers and tests in other languages.
 */
@NullMarked
package io.github.ucgroups.emulator.standalone;

import org.jspecify.annotations.NullMarked;
