/**
 * The Uploadcare REST API (v0.7): request signing ({@link io.github.ucgroups.rest.RestRequestSigner},
 * applied to every request by {@link io.github.ucgroups.rest.RestSigningInterceptor}) and the
 * {@link io.github.ucgroups.GroupAdminService} implementation. Requests go through the shared
 * {@link io.github.ucgroups.http.UploadcareTransport}, which decodes {@code {"detail": …}} errors
 * and retries.
 */
@NullMarked
package io.github.ucgroups.rest;

import org.jspecify.annotations.NullMarked;
