package io.eventplatform.local.mail;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One message as the SMTP server received it, in the shape {@code GET /messages} returns.
 *
 * @param id increasing with every message received since the server started
 * @param from the {@code From} header, or the envelope sender when the header is missing
 * @param to the envelope recipients ({@code RCPT TO}), so {@code Bcc} recipients are listed too
 * @param subject the subject, or {@code null}
 * @param receivedAt when the server received it
 * @param text the first {@code text/plain} part that is not an attachment, or {@code null}
 * @param html the first {@code text/html} part that is not an attachment, or {@code null}
 */
record ReceivedMail(long id, @Nullable String from, List<String> to, @Nullable String subject, Instant receivedAt,
		@Nullable String text, @Nullable String html) {

	boolean isAddressedTo(String address) {
		return to.stream().anyMatch(recipient -> recipient.equalsIgnoreCase(address.trim()));
	}

}
