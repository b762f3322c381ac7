/**
 * The emulator's webhooks: the REST API's subscription endpoints ({@code /webhooks/}) and signed
 * deliveries to subscribed target URLs when files are uploaded, stored or deleted, with test hooks
 * for wrongly signed and repeated deliveries ({@link io.github.ucgroups.emulator.webhooks.EmulatorWebhooks}).
 * Nothing here is shared with the client's webhook code.
 */
@NullMarked
package io.github.ucgroups.emulator.webhooks;

import org.jspecify.annotations.NullMarked;
