/** The listener of registrations, whose users get a welcome mail. */
package io.eventplatform.notification.welcome;
