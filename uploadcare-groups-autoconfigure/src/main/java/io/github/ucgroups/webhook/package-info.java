/**
 * Receiving Uploadcare webhooks: signature verification over the raw body
 * ({@link io.github.ucgroups.webhook.WebhookSignatureVerifier}), de-duplication through a Spring
 * {@code Cache} ({@link io.github.ucgroups.webhook.DeliveryDeduplicator}), and the Spring
 * application events a verified delivery becomes
 * ({@link io.github.ucgroups.webhook.UploadcareWebhookEvent} and its {@code file.*} subtypes),
 * published by {@link io.github.ucgroups.webhook.WebhookReceiver}. The HTTP endpoint is in
 * {@code io.github.ucgroups.webhook.web}.
 */
@NullMarked
package io.github.ucgroups.webhook;

import org.jspecify.annotations.NullMarked;
