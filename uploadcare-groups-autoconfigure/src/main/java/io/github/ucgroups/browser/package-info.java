/**
 * Browser uploads with Uploadcare's File Uploader: short-lived upload credentials for the
 * browser ({@link io.github.ucgroups.browser.BrowserUploadCredentials}), binding of what
 * {@code <uc-form-input>} posts ({@link io.github.ucgroups.browser.BrowserUpload},
 * {@link io.github.ucgroups.browser.CdnHostPolicy}), and verification on the server, with the
 * project's own keys, that the posted group is what the form promised
 * ({@link io.github.ucgroups.browser.GroupVerifier}, {@link io.github.ucgroups.browser.VerifiedUpload}).
 */
@NullMarked
package io.github.ucgroups.browser;

import org.jspecify.annotations.NullMarked;
