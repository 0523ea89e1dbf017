package io.eventplatform.support.security;

import java.util.List;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;

import org.springframework.security.web.firewall.StrictHttpFirewall;

import static org.assertj.core.api.Assertions.assertThat;

class AsciiFirstHeaderFirewallTests {

	private static final List<String> SAMPLES = List.of("", "Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJkZW1vIn0.c2ln",
			"application/json", "a\tb", "a\u0000b", "a\nb", "a\rb", "a\u007fb", "a\u0085b", "caf\u00e9",
			"\u00a0non-breaking", "\u0378unassigned", "\u4e2d\u6587", "\ud83d\ude00 emoji", "\ud800lone surrogate",
			"~!@#$%^&*()_+{}|:\"<>?`-=[]\\;',./ ");

	@Test
	void acceptsExactlyTheHeaderValuesSpringSecurityAccepts() {
		assertSameAnswers(AsciiFirstHeaderFirewall.headerValues(), StrictHttpFirewall.ALLOWED_HEADER_VALUES);
	}

	@Test
	void acceptsExactlyTheHeaderNamesSpringSecurityAccepts() {
		assertSameAnswers(AsciiFirstHeaderFirewall.headerNames(), StrictHttpFirewall.ALLOWED_HEADER_NAMES);
	}

	@Test
	void refusesControlCharactersInValuesButTheTabAndInNamesEvenTheTab() {
		assertThat(AsciiFirstHeaderFirewall.headerValues()).accepts("a\tb").rejects("a\u0000b", "a\nb", "a\u0085b");
		assertThat(AsciiFirstHeaderFirewall.headerNames()).accepts("X-Probe").rejects("X\tProbe", "X\u0000Probe");
	}

	private static void assertSameAnswers(Predicate<String> fast, Predicate<String> rule) {
		for (String sample : SAMPLES) {
			assertThat(fast.test(sample)).as(sample).isEqualTo(rule.test(sample));
		}
		// Every character on its own, and beside ASCII (which takes the shortcut up to that character).
		for (int c = 0; c <= Character.MAX_VALUE; c++) {
			String alone = String.valueOf((char) c);
			String within = "Bearer x" + (char) c + "y";
			assertThat(fast.test(alone)).as("U+%04X", c).isEqualTo(rule.test(alone));
			assertThat(fast.test(within)).as("U+%04X within ASCII", c).isEqualTo(rule.test(within));
		}
	}

}
