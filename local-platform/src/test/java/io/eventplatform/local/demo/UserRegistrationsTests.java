package io.eventplatform.local.demo;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class UserRegistrationsTests {

	@Test
	void postsUsersWithRealCountryCodesAndMostlyDistinctAddressesAtExampleDomains() {
		// Given
		UserRegistrations registrations = new UserRegistrations(Duration.ofMillis(1500));
		RandomGenerator random = RandomGenerator.getDefault();

		// When
		List<DemoRequest> requests = IntStream.range(0, 200).mapToObj(i -> registrations.next(random)).toList();

		// Then
		Set<String> isoCountries = Set.of(Locale.getISOCountries());
		List<JsonNode> users = requests.stream().map(request -> JsonMapper.shared().readTree(request.jsonBody())).toList();
		assertThat(requests).allSatisfy(request -> {
			assertThat(request.method()).isEqualTo("POST");
			assertThat(request.path()).isEqualTo("/api/users");
		});
		assertThat(users).allSatisfy(user -> {
			assertThat(isoCountries).contains(user.get("country").asString());
			assertThat(user.get("email").asString()).matches("[a-z.]+\\.\\d{6}@example\\.(com|org|net)");
		});
		assertThat(users.stream().map(user -> user.get("email").asString()).distinct().count()).isGreaterThan(195);
	}

}
