/**
 * A real SMTP server for the mail the services send, and a small HTTP API to list and purge what it received.
 */
@NullMarked
package io.eventplatform.local.mail;

import org.jspecify.annotations.NullMarked;
