package io.eventplatform.support.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.security.authentication.TestingAuthenticationToken;

class PersonalDataTests {

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource(delimiter = '|', value = { "jane.doe@example.com | j***@example.com", "J@example.com | J***@example.com",
			"a@b@example.com | a***@example.com", "no-at-sign | ***", "@example.com | ***" })
	void shouldKeepTheFirstCharacterAndTheDomainOfAnAddress(String email, String masked) {
		assertThat(PersonalData.maskEmail(email)).isEqualTo(masked);
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource(delimiter = '|', value = { "Ada Lovelace | A***", "'  émile' | é***", "'   ' | ***" })
	void shouldKeepTheFirstLetterOfAName(String name, String masked) {
		assertThat(PersonalData.maskName(name)).isEqualTo(masked);
	}

	@Test
	void shouldNotCutACharacterOutsideTheBasicPlaneInHalf() {
		assertThat(PersonalData.maskName("\uD835\uDC9C lice")).isEqualTo("\uD835\uDC9C***");
	}

	@Test
	void shouldMaskTwoAddressesOfOneDomainAndInitialAlike() {
		// Nothing of the rest of the address survives, so a masked value cannot be matched against a guess.
		assertThat(PersonalData.maskEmail("jane@example.com")).isEqualTo(PersonalData.maskEmail("john@example.com"));
	}

	@Test
	void shouldLeaveNothingAsNothing() {
		assertThat(PersonalData.maskEmail(null)).isNull();
		assertThat(PersonalData.maskName(null)).isNull();
	}

	@Test
	void shouldShowPersonalDataToPlatformAdministratorsOnly() {
		assertThat(PersonalData.visibleTo(new TestingAuthenticationToken("admin", null, "SCOPE_platform:admin")))
			.isTrue();
		assertThat(PersonalData.visibleTo(new TestingAuthenticationToken("demo", null,
				List.of("SCOPE_analytics:read", "SCOPE_notifications:read").toArray(String[]::new)))).isFalse();
		assertThat(PersonalData.visibleTo(null)).isFalse();
	}
}
