package io.eventplatform.local.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;
import java.util.UUID;
import java.util.function.Function;
import java.util.random.RandomGenerator;

/**
 * What the AOT cache's training run sends through the gateway: every kind of call users make, a little above a
 * demo's pace, so that the cache holds the classes and method profiles of the paths production takes (requests,
 * events published, consumed, aggregated, stored and mailed), not only those of a start. Some readings are extreme
 * and some transactions large, so the weather and fraud rules fire and notification-service mails.
 */
public final class TrainingWorkload {

	private static final List<String> ACCOUNTS = List.of("ACC-1001", "ACC-1002", "ACC-2001", "ACC-3001");

	private static final List<String> MERCHANTS = List.of("Bakery", "Bookshop", "Jeweller", "Pharmacy", "Garage");

	private static final List<String> COUNTRIES = List.of("DE", "NL", "FR", "GB", "US");

	private TrainingWorkload() {
	}

	/** About 80 calls a second in all, below the gateway's limit of 100 per client. */
	public static List<DemoTraffic> of(Clock clock) {
		return List.of(new UserRegistrations(Duration.ofMillis(100)),
				kind("readings", Duration.ofMillis(25),
						random -> DemoRequest.post("/api/weather/readings", reading(random, clock))),
				kind("reading batches", Duration.ofMillis(500),
						random -> DemoRequest.post("/api/weather/readings/batch", batch(random, clock, 100))),
				kind("transactions", Duration.ofMillis(50),
						random -> DemoRequest.post("/api/transactions", transaction(random, clock))
							.withHeader("Idempotency-Key", UUID.randomUUID().toString())),
				kind("queries", Duration.ofMillis(100), random -> DemoRequest.get(query(random))));
	}

	static String reading(RandomGenerator random, Clock clock) {
		// One in fifty is beyond the weather rules' limits.
		double temperature = random.nextInt(50) == 0 ? 48.5 : random.nextDouble(-10, 35);
		return ReadingJson.of(station(random), clock.instant(), temperature, random.nextInt(10, 100),
				random.nextDouble(960, 1040));
	}

	static String batch(RandomGenerator random, Clock clock, int size) {
		StringJoiner batch = new StringJoiner(",", "[", "]");
		for (int i = 0; i < size; i++) {
			batch.add(reading(random, clock));
		}
		return batch.toString();
	}

	static String transaction(RandomGenerator random, Clock clock) {
		// One in twenty is above the fraud rule's threshold of 10000.
		String amount = random.nextInt(20) == 0 ? "12500.00"
				: String.format(Locale.ROOT, "%.2f", random.nextDouble(1, 500));
		return String.format(Locale.ROOT,
				"{\"accountId\":\"%s\",\"amount\":\"%s\",\"currency\":\"EUR\",\"direction\":\"%s\",\"merchant\":\"%s\","
						+ "\"merchantCountry\":\"%s\",\"occurredAt\":\"%s\"}",
				pick(ACCOUNTS, random), amount, random.nextBoolean() ? "DEBIT" : "CREDIT", pick(MERCHANTS, random),
				pick(COUNTRIES, random), clock.instant().truncatedTo(ChronoUnit.SECONDS));
	}

	static String query(RandomGenerator random) {
		return switch (random.nextInt(7)) {
			case 0 -> "/api/analytics/overview";
			case 1 -> "/api/analytics/stations/" + station(random);
			case 2 -> "/api/analytics/registrations";
			case 3 -> "/api/analytics/accounts/" + pick(ACCOUNTS, random);
			case 4 -> "/api/analytics/history/stations/" + station(random) + "/readings";
			case 5 -> "/api/analytics/history/users?country=" + pick(COUNTRIES, random);
			default -> "/api/analytics/web/routes";
		};
	}

	private static String station(RandomGenerator random) {
		return String.format(Locale.ROOT, "training-station-%02d", random.nextInt(40));
	}

	private static String pick(List<String> values, RandomGenerator random) {
		return values.get(random.nextInt(values.size()));
	}

	private static DemoTraffic kind(String name, Duration interval, Function<RandomGenerator, DemoRequest> next) {
		return new DemoTraffic() {

			@Override
			public String name() {
				return name;
			}

			@Override
			public Duration interval() {
				return interval;
			}

			@Override
			public DemoRequest next(RandomGenerator random) {
				return next.apply(random);
			}
		};
	}

}
