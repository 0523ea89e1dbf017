package io.eventplatform.support.access;

import org.jspecify.annotations.Nullable;
import org.springframework.lang.Contract;
import org.springframework.security.core.Authentication;

/**
 * The one masking rule for personal data shown to a client not entitled to it (only {@code platform:admin} is):
 * enough to recognise a record ({@code j***@example.com}, {@code A***}), too little to learn who it is. A masked value
 * depends only on the first character and the domain, so it cannot be reversed or matched against a guessed address.
 */
public final class PersonalData {

	static final String MASK = "***";

	private PersonalData() {
	}

	/** Whether the caller sees personal data unmasked. */
	public static boolean visibleTo(Authentication caller) {
		return AccountAccess.isAdmin(caller);
	}

	/** {@code jane.doe@example.com} becomes {@code j***@example.com}; without an {@code @}, {@code ***}. */
	@Contract("!null -> !null")
	public static @Nullable String maskEmail(@Nullable String email) {
		if (email == null) {
			return null;
		}
		int at = email.lastIndexOf('@');
		if (at <= 0) {
			return MASK;
		}
		return firstCharacter(email) + MASK + email.substring(at);
	}

	/** {@code Ada Lovelace} becomes {@code A***}. */
	@Contract("!null -> !null")
	public static @Nullable String maskName(@Nullable String name) {
		if (name == null) {
			return null;
		}
		String stripped = name.strip();
		return stripped.isEmpty() ? MASK : firstCharacter(stripped) + MASK;
	}

	private static String firstCharacter(String value) {
		// A code point, so that a name starting with a character outside the BMP is not cut in half.
		return new String(Character.toChars(value.codePointAt(0)));
	}
}
