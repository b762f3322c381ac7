/**
 * The {@code uploadcare} health indicator and its auto-configuration.
 */
@NullMarked
package io.github.ucgroups.autoconfigure.health;

import org.jspecify.annotations.NullMarked;
