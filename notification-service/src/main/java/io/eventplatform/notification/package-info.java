/** notification-service: e-mail on the events that matter to people, exactly once per event. */
package io.eventplatform.notification;
