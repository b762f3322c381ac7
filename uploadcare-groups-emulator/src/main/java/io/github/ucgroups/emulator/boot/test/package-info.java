/**
 * Spring Boot test support: {@link io.github.ucgroups.emulator.boot.test.AutoConfigureUploadcareEmulator}.
 */
@NullMarked
package io.github.ucgroups.emulator.boot.test;

import org.jspecify.annotations.NullMarked;
