/** The listener of registrations, whose users get a welcome mail. */
@NullMarked
package io.eventplatform.notification.welcome;

import org.jspecify.annotations.NullMarked;
