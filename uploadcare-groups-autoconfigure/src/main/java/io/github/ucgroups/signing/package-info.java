/**
 * Signed uploads: the legacy {@code signature}/{@code expire} form fields and the JWT bearer
 * scheme, behind one {@link io.github.ucgroups.signing.UploadSigner} interface. A
 * {@link java.time.Clock} is injected so that expiry is testable.
 */
@NullMarked
package io.github.ucgroups.signing;

import org.jspecify.annotations.NullMarked;
