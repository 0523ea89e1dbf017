/** notification-service: e-mail on the events that matter to people, exactly once per event. */
@NullMarked
package io.eventplatform.notification;

import org.jspecify.annotations.NullMarked;
