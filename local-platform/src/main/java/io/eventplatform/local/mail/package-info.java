/**
 * A real SMTP server for the mail the services send, and a small HTTP API to list and purge what it received.
 */
package io.eventplatform.local.mail;
