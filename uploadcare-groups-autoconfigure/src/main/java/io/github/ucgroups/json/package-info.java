/**
 * Reading Uploadcare's JSON answers into the public types, shared by the Upload API client and
 * the REST client (so that neither imports the other): lenient in what it reads, as the answers
 * grow new fields.
 */
@NullMarked
package io.github.ucgroups.json;

import org.jspecify.annotations.NullMarked;
