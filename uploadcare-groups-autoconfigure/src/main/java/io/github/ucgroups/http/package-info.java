/**
 * The single path every Uploadcare request takes: base URLs, {@code jsonerrors=1}, decoding of
 * every error form into typed exceptions, retries with Spring's
 * {@link org.springframework.core.retry.RetryTemplate}, and the observation around each
 * operation. Endpoint code describes requests; it never repeats any of this.
 */
@NullMarked
package io.github.ucgroups.http;

import org.jspecify.annotations.NullMarked;
