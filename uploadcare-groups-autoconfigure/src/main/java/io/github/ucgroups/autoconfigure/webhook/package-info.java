/**
 * Auto-configuration of Uploadcare webhooks: the receiving endpoint (servlet web applications)
 * and the subscription at startup. It only wires beans; the logic lives in
 * {@code io.github.ucgroups.webhook} and {@code io.github.ucgroups.rest}.
 */
@NullMarked
package io.github.ucgroups.autoconfigure.webhook;

import org.jspecify.annotations.NullMarked;
