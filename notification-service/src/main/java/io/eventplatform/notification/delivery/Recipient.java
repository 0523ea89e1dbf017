package io.eventplatform.notification.delivery;

import java.util.Locale;

/** Who gets a message, and in which language. */
public record Recipient(String email, Locale language) {
}
