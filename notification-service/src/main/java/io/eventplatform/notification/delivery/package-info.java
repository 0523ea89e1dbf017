/**
 * Delivery of e-mail over SMTP, each message recorded with the event that caused it and its recipient, so that no
 * event mails anyone twice; the records are the history.
 */
@NullMarked
package io.eventplatform.notification.delivery;

import org.jspecify.annotations.NullMarked;
