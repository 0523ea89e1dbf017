package io.eventplatform.contract;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.eventplatform.contract.gateway.GatewayRequestCompleted;
import io.eventplatform.contract.transactions.Direction;
import io.eventplatform.contract.transactions.FraudRulesChanged;
import io.eventplatform.contract.transactions.FraudSuspected;
import io.eventplatform.contract.transactions.TransactionRecorded;
import io.eventplatform.contract.users.UserRegistered;
import io.eventplatform.contract.weather.WeatherAlertRaised;
import io.eventplatform.contract.weather.WeatherReadingRecorded;

/** One valid event of each type, for tests. */
public final class SampleEvents {

	private static final Instant AT = Instant.parse("2026-11-21T10:15:30Z");

	private SampleEvents() {
	}

	public static List<Object> oneOfEach() {
		return List.of(userRegistered(), weatherReading(), transaction(),
				new FraudSuspected("ACC-1", "amount-above-threshold", List.of(UUID.randomUUID()),
						"A debit of 15000.00 EUR is above the 10000.00 threshold"),
				new WeatherAlertRaised("ST-1", "temperature-above-limit", "42.5 °C is above the 40.0 °C limit", AT,
						42.5, 20.0),
				new GatewayRequestCompleted("demo-client", "POST", "/api/users", 201, 12), fraudRulesChanged());
	}

	public static FraudRulesChanged fraudRulesChanged() {
		return new FraudRulesChanged(new BigDecimal("10000"), 5, Duration.ofMinutes(1), Duration.ofMinutes(30),
				new BigDecimal("1.00"), new BigDecimal("500"), Duration.ofMinutes(1), "operator", AT);
	}

	public static UserRegistered userRegistered() {
		return new UserRegistered(UUID.randomUUID(), "ada@example.com", "Ada Lovelace", "GB", true);
	}

	public static WeatherReadingRecorded weatherReading() {
		return new WeatherReadingRecorded("ST-1", AT, 21.5, 48.0, null);
	}

	public static TransactionRecorded transaction() {
		return new TransactionRecorded(UUID.randomUUID(), "ACC-1", new BigDecimal("12.50"), "EUR", Direction.DEBIT,
				"Coffee Corner", "DE", AT);
	}
}
