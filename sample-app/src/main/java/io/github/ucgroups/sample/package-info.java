/**
 * The sample app: multi-file form submissions become Uploadcare groups, in a browser (Thymeleaf
 * pages) and over JSON, using only the starter's public API.
 */
@NullMarked
package io.github.ucgroups.sample;

import org.jspecify.annotations.NullMarked;
