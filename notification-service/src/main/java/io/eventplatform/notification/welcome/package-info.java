/** The welcome mail a new user gets after signing up. */
package io.eventplatform.notification.welcome;
