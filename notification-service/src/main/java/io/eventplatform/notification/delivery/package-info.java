/** Delivery of e-mail over SMTP, recorded with the id of the event that caused it so no event mails twice. */
package io.eventplatform.notification.delivery;
