/**
 * Micrometer observations of Uploadcare operations, in the style of Spring Framework's client
 * observations: a context, a convention interface, a default convention that applications may
 * replace with a bean, and a documentation enum of key names.
 */
@NullMarked
package io.github.ucgroups.observation;

import org.jspecify.annotations.NullMarked;
