/**
 * The public API of the Uploadcare groups starter: the services applications inject
 * ({@link io.github.ucgroups.GroupService}, {@link io.github.ucgroups.UploadService}), the files
 * they upload ({@link io.github.ucgroups.UploadSource}, {@link io.github.ucgroups.UploadOptions},
 * {@link io.github.ucgroups.UploadedFile}), the value types they pass
 * ({@link io.github.ucgroups.GroupId}, {@link io.github.ucgroups.FileRef},
 * {@link io.github.ucgroups.CdnOperations}), the records they get back
 * ({@link io.github.ucgroups.Group}, {@link io.github.ucgroups.GroupFile}) and the unchecked
 * exception hierarchy rooted at {@link io.github.ucgroups.UploadcareException}.
 * <p>
 * This package depends on nothing else of the starter.
 */
@NullMarked
package io.github.ucgroups;

import org.jspecify.annotations.NullMarked;
