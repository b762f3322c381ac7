/**
 * The emulator's HTTP layer (internal): the JDK HTTP server, request parsing and the Upload API, REST API and CDN endpoints.
 */
@NullMarked
package io.github.ucgroups.emulator.http;

import org.jspecify.annotations.NullMarked;
