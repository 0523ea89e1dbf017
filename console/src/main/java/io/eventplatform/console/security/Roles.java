package io.eventplatform.console.security;

import java.util.Set;

import org.springframework.security.core.Authentication;

/** The console's two roles, as the gateway's {@code roles} claim names them. */
public final class Roles {

	static final String CLAIM = "roles";

	static final String VIEWER = "VIEWER";

	static final String OPERATOR = "OPERATOR";

	static final Set<String> KNOWN = Set.of("viewer", "operator");

	private Roles() {
	}

	/** Whether the person may act (redrive, discard, rewind, change rules), not only look. */
	public static boolean isOperator(Authentication person) {
		return person.getAuthorities().stream().anyMatch(authority -> ("ROLE_" + OPERATOR).equals(authority.getAuthority()));
	}

	/** Whether the person sees personal data unmasked: operators do, viewers do not. */
	public static boolean seesPersonalData(Authentication person) {
		return isOperator(person);
	}

	/** The name the audit log records: the subject of the ID token, i.e. the user name at the gateway. */
	public static String nameOf(Authentication person) {
		return person.getName();
	}
}
