/**
 * Spring Boot integration: the offline-development auto-configuration, its properties and the emulator's connection details.
 */
@NullMarked
package io.github.ucgroups.emulator.boot;

import org.jspecify.annotations.NullMarked;
