/**
 * The webhook receiver's HTTP endpoint for Spring MVC (servlet) applications.
 */
@NullMarked
package io.github.ucgroups.webhook.web;

import org.jspecify.annotations.NullMarked;
