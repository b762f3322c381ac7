/**
 * CDN (URL API) addresses of files and groups: {@link io.github.ucgroups.cdn.CdnUrls} and the
 * per-project CDN host ({@code https://<prefix>.ucarecd.net}).
 */
@NullMarked
package io.github.ucgroups.cdn;

import org.jspecify.annotations.NullMarked;
