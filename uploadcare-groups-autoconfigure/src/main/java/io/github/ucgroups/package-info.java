/**
 * The public API of the Uploadcare groups starter: the services applications inject
 * ({@link io.github.ucgroups.GroupService}), the value types they pass
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
