/** Calls to the platform's service APIs through the gateway, with the console's own client-credentials token. */
@NullMarked
package io.eventplatform.console.platformapi;

import org.jspecify.annotations.NullMarked;
