/** Who wants which alerts (weather stations, accounts as security contact), and who wants no non-critical mail. */
@NullMarked
package io.eventplatform.notification.subscription;

import org.jspecify.annotations.NullMarked;
