package io.eventplatform.local.mail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;

import org.jspecify.annotations.Nullable;

/**
 * The readable bodies of a MIME message: its first plain-text and first HTML part, wherever they sit in nested
 * multiparts (a typical mail is {@code multipart/mixed} around {@code multipart/alternative}).
 */
final class MimeBodies {

	private @Nullable String text;

	private @Nullable String html;

	private MimeBodies() {
	}

	static MimeBodies of(Part message) throws MessagingException, IOException {
		MimeBodies content = new MimeBodies();
		content.collect(message);
		return content;
	}

	@Nullable String text() {
		return text;
	}

	@Nullable String html() {
		return html;
	}

	private void collect(Part part) throws MessagingException, IOException {
		if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
			return;
		}
		if (part.isMimeType("text/plain")) {
			text = (text != null) ? text : asString(part);
		}
		else if (part.isMimeType("text/html")) {
			html = (html != null) ? html : asString(part);
		}
		else if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				collect(multipart.getBodyPart(i));
			}
		}
	}

	private static String asString(Part part) throws MessagingException, IOException {
		Object content = part.getContent();
		if (content instanceof String string) {
			return string;
		}
		// An unknown charset: Jakarta Mail hands over the raw stream rather than guess.
		try (InputStream stream = part.getInputStream()) {
			return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
