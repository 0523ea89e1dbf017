package io.eventplatform.support.security;

import java.util.function.Predicate;

import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * Spring Security's {@link StrictHttpFirewall} with the same header rules, checked faster. Its default rules are
 * regular expressions over Unicode classes ({@code \p{IsAssigned}}, {@code \p{IsControl}}) run on every character of
 * every header read, the bearer token's ~900 characters several times per call: a tenth of the gateway's CPU per
 * call under load. Printable ASCII (and, in values, the tab the default allows) always passes those rules, so it is
 * accepted at once; any other character sends the whole string to Spring Security's own rule, unchanged.
 */
public final class AsciiFirstHeaderFirewall {

	private AsciiFirstHeaderFirewall() {
	}

	/** A strict firewall whose header name and value rules accept exactly what the defaults accept. */
	public static StrictHttpFirewall create() {
		StrictHttpFirewall firewall = new StrictHttpFirewall();
		firewall.setAllowedHeaderNames(headerNames());
		firewall.setAllowedHeaderValues(headerValues());
		return firewall;
	}

	/** {@link StrictHttpFirewall#ALLOWED_HEADER_NAMES}: assigned, no control character. */
	static Predicate<String> headerNames() {
		return asciiFirst(false, StrictHttpFirewall.ALLOWED_HEADER_NAMES);
	}

	/** {@link StrictHttpFirewall#ALLOWED_HEADER_VALUES}: assigned, no control character but the tab. */
	static Predicate<String> headerValues() {
		return asciiFirst(true, StrictHttpFirewall.ALLOWED_HEADER_VALUES);
	}

	// Hand-written: Spring Security offers only the regular expression; this is its exact shortcut for ASCII.
	private static Predicate<String> asciiFirst(boolean tabAllowed, Predicate<String> rule) {
		return value -> {
			for (int i = 0; i < value.length(); i++) {
				char c = value.charAt(i);
				if ((c < ' ' || c > '~') && !(tabAllowed && c == '\t')) {
					return rule.test(value);
				}
			}
			return true;
		};
	}

}
