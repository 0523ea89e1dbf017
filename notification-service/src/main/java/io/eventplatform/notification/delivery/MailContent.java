package io.eventplatform.notification.delivery;

import java.util.Locale;

/** A rendered message: its subject, and its body as plain text and as HTML, in one language. */
public record MailContent(String subject, String text, String html, Locale language) {
}
