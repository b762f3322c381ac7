/**
 * Auto-configuration of the Uploadcare groups starter: properties, connection details,
 * failure analysis. It only wires beans; the logic lives in the packages it wires.
 */
@NullMarked
package io.github.ucgroups.autoconfigure;

import org.jspecify.annotations.NullMarked;
