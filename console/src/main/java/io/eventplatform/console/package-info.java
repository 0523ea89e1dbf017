/** The operator console: pages for people to watch and steer the platform's streams. */
@NullMarked
package io.eventplatform.console;

import org.jspecify.annotations.NullMarked;
