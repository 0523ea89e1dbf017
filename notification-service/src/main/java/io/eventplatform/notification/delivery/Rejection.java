package io.eventplatform.notification.delivery;

/**
 * The SMTP server (or the message itself) refused one message. A temporary refusal (an SMTP 4xx reply) may succeed
 * later; a permanent one (5xx, e.g. an unknown recipient, or an address that does not parse) never will.
 */
record Rejection(String cause, boolean permanent) {
}
