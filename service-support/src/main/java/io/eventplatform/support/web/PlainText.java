package io.eventplatform.support.web;

/**
 * The rule for free text that ends up in mail subjects, logs and other people's screens (a display name, a
 * merchant): no control characters (NUL, ESC, CR, LF, tab, DEL, C1), no Unicode line or paragraph separators and no
 * bidirectional overrides, which could forge a header line, a log entry or the direction of the text around it. For
 * {@code @Pattern(regexp = PlainText.PATTERN, message = PlainText.MESSAGE)}, which OpenAPI documents as the field's
 * pattern.
 */
public final class PlainText {

	public static final String PATTERN = "[^\\p{Cc}\\u2028\\u2029\\u202A-\\u202E\\u2066-\\u2069]*";

	public static final String MESSAGE = "must not contain control characters, line breaks or direction overrides";

	private PlainText() {
	}

}
