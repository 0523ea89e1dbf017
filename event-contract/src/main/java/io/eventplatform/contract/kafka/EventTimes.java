package io.eventplatform.contract.kafka;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Reads the RFC 3339 timestamp of a {@code ce_time} header. Hand-written for the one form the platform writes (UTC
 * with {@code Z} and up to nine fraction digits, as {@link Instant#toString()} prints), because
 * {@link OffsetDateTime#parse} cost a tenth of a consumer's time per record; any other form, and any value this
 * cannot place, goes to {@link OffsetDateTime#parse}, so both accept and reject the same timestamps.
 */
final class EventTimes {

	private static final int[] SCALE = { 100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1_000, 100, 10, 1 };

	private EventTimes() {
	}

	/** @throws DateTimeParseException when {@code text} is not an RFC 3339 timestamp */
	static Instant parse(String text) {
		int length = text.length();
		if (length >= 20 && length <= 30 && text.charAt(length - 1) == 'Z' && text.charAt(4) == '-'
				&& text.charAt(7) == '-' && text.charAt(10) == 'T' && text.charAt(13) == ':' && text.charAt(16) == ':'
				&& (length == 20 || length > 21 && text.charAt(19) == '.')) {
			int year = digits(text, 0, 4);
			int month = digits(text, 5, 7);
			int day = digits(text, 8, 10);
			int hour = digits(text, 11, 13);
			int minute = digits(text, 14, 16);
			int second = digits(text, 17, 19);
			int fraction = length == 20 ? 0 : digits(text, 20, length - 1);
			if ((year | month | day | hour | minute | second | fraction) >= 0) {
				try {
					int nanos = length == 20 ? 0 : fraction * SCALE[length - 22];
					return LocalDateTime.of(year, month, day, hour, minute, second, nanos).toInstant(ZoneOffset.UTC);
				}
				catch (DateTimeException ex) {
					// Out of range (a 30th of February): OffsetDateTime.parse says why.
				}
			}
		}
		return OffsetDateTime.parse(text).toInstant();
	}

	/** The decimal number in {@code text[from, to)}, or -1 if a character there is not an ASCII digit. */
	private static int digits(String text, int from, int to) {
		int value = 0;
		for (int i = from; i < to; i++) {
			int digit = text.charAt(i) - '0';
			if (digit < 0 || digit > 9) {
				return -1;
			}
			value = value * 10 + digit;
		}
		return value;
	}
}
