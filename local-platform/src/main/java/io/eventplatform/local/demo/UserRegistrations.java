package io.eventplatform.local.demo;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.random.RandomGenerator;

import tools.jackson.databind.json.JsonMapper;

/**
 * People signing up: {@code POST /api/users} with a name, an e-mail address at a reserved example domain (unique
 * enough not to collide with earlier runs on the same data), a country and, for most, marketing consent.
 */
public final class UserRegistrations implements DemoTraffic {

	private static final List<String> FIRST_NAMES = List.of("Ada", "Grace", "Alan", "Katherine", "Edsger", "Barbara",
			"Donald", "Hedy", "Tim", "Radia", "Dennis", "Frances", "Ken", "Margaret", "Guido", "Anita", "Linus",
			"Sophie", "Niklaus", "Karen", "Bjarne", "Shafi", "Leslie", "Annie");

	private static final List<String> LAST_NAMES = List.of("Lovelace", "Hopper", "Turing", "Johnson", "Dijkstra",
			"Liskov", "Knuth", "Lamarr", "Berners-Lee", "Perlman", "Ritchie", "Allen", "Thompson", "Hamilton",
			"Rossum", "Borg", "Torvalds", "Wilson", "Wirth", "Jones", "Stroustrup", "Goldwasser", "Lamport", "Easley");

	/** ISO 3166-1 alpha-2. */
	private static final List<String> COUNTRIES = List.of("GB", "IE", "FR", "DE", "NL", "BE", "ES", "PT", "IT", "CH",
			"AT", "SE", "NO", "DK", "FI", "PL", "CZ", "US", "CA", "MX", "BR", "AR", "JP", "KR", "IN", "SG", "AU", "NZ",
			"ZA", "KE", "NG");

	/** Reserved for examples by RFC 2606, so no demo mail can reach a real person. */
	private static final List<String> DOMAINS = List.of("example.com", "example.org", "example.net");

	private static final JsonMapper json = JsonMapper.shared();

	private final Duration interval;

	public UserRegistrations(Duration interval) {
		this.interval = interval;
	}

	@Override
	public String name() {
		return "users";
	}

	@Override
	public Duration interval() {
		return interval;
	}

	@Override
	public DemoRequest next(RandomGenerator random) {
		String firstName = pick(FIRST_NAMES, random);
		String lastName = pick(LAST_NAMES, random);
		String email = "%s.%s.%d@%s".formatted(firstName, lastName, random.nextInt(100_000, 1_000_000),
				pick(DOMAINS, random))
			.toLowerCase(Locale.ROOT)
			.replace("-", "");
		Map<String, Object> user = new LinkedHashMap<>();
		user.put("email", email);
		user.put("displayName", firstName + " " + lastName);
		user.put("country", pick(COUNTRIES, random));
		user.put("marketingConsent", random.nextInt(10) < 7);
		return DemoRequest.post("/api/users", json.writeValueAsString(user));
	}

	private static String pick(List<String> values, RandomGenerator random) {
		return values.get(random.nextInt(values.size()));
	}

}
