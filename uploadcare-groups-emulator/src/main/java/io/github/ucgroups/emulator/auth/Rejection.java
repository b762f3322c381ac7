package io.github.ucgroups.emulator.auth;

/**
 * Why the emulator refuses a request, as the real service would say it.
 *
 * @param status the HTTP status
 * @param message the error text, e.g. {@code Invalid signature.}
 * @param errorCode the Uploadcare error code, e.g. {@code SignatureInvalidError}
 */
public record Rejection(int status, String message, String errorCode) {
}
