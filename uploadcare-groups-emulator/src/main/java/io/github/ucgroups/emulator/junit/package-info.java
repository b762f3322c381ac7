/**
 * JUnit Jupiter support: {@link io.github.ucgroups.emulator.junit.UploadcareEmulatorExtension}.
 */
@NullMarked
package io.github.ucgroups.emulator.junit;

import org.jspecify.annotations.NullMarked;
