/**
 * Spring MVC binding of the public value types: converters so that controllers can take
 * {@code @PathVariable GroupId id} and {@code @RequestParam List<FileRef> files}, and the Bean
 * Validation constraint {@link io.github.ucgroups.web.ValidGroupId} for text fields of form
 * objects.
 */
@NullMarked
package io.github.ucgroups.web;

import org.jspecify.annotations.NullMarked;
