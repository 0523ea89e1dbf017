package io.eventplatform.contract;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import io.eventplatform.contract.gateway.GatewayRequestCompleted;
import io.eventplatform.contract.platform.PlatformAlertRaised;
import io.eventplatform.contract.transactions.FraudRulesChanged;
import io.eventplatform.contract.transactions.FraudSuspected;
import io.eventplatform.contract.transactions.TransactionRecorded;
import io.eventplatform.contract.users.UserRegistered;
import io.eventplatform.contract.weather.WeatherAlertRaised;
import io.eventplatform.contract.weather.WeatherReadingRecorded;

/**
 * The registry of the platform's topics. Each topic has exactly one producing service and one event type; the
 * {@code k8s/} topic resources must declare the same partitions and retention (or compaction).
 */
public final class Topics {

	private static final long GIB = 1024L * 1024 * 1024;

	/** The topics' names as constants, for annotations such as {@code @KafkaListener(topics = ...)}. */
	public static final class Names {

		public static final String USERS_REGISTERED = "users.registered";

		public static final String WEATHER_READINGS = "weather.readings";

		public static final String TRANSACTIONS_RECORDED = "transactions.recorded";

		public static final String TRANSACTIONS_FRAUD_ALERTS = "transactions.fraud-alerts";

		public static final String WEATHER_ALERTS = "weather.alerts";

		public static final String GATEWAY_REQUESTS = "gateway.requests";

		public static final String ANALYTICS_FRAUD_RULES = "analytics.fraud-rules";

		public static final String PLATFORM_ALERTS = "platform.alerts";

		private Names() {
		}
	}

	/** Produced by registration-service. */
	public static final Topic<UserRegistered> USERS_REGISTERED = new Topic<>(Names.USERS_REGISTERED,
			UserRegistered.class, "io.eventplatform.users.UserRegistered.v1",
			event -> event.userId().toString(), 6, Duration.ofDays(30), GIB);

	/** Produced by weather-ingest-service and by stations writing straight to Kafka. */
	public static final Topic<WeatherReadingRecorded> WEATHER_READINGS = new Topic<>(Names.WEATHER_READINGS,
			WeatherReadingRecorded.class, "io.eventplatform.weather.WeatherReadingRecorded.v1",
			WeatherReadingRecorded::stationId, 12, Duration.ofDays(7), 2 * GIB);

	/** Produced by transaction-service. */
	public static final Topic<TransactionRecorded> TRANSACTIONS_RECORDED = new Topic<>(Names.TRANSACTIONS_RECORDED,
			TransactionRecorded.class, "io.eventplatform.transactions.TransactionRecorded.v1",
			TransactionRecorded::accountId, 12, Duration.ofDays(30), 2 * GIB);

	/** Produced by analytics-service. */
	public static final Topic<FraudSuspected> TRANSACTIONS_FRAUD_ALERTS = new Topic<>(Names.TRANSACTIONS_FRAUD_ALERTS,
			FraudSuspected.class, "io.eventplatform.transactions.FraudSuspected.v1",
			FraudSuspected::accountId, 3, Duration.ofDays(30), GIB);

	/** Produced by analytics-service. */
	public static final Topic<WeatherAlertRaised> WEATHER_ALERTS = new Topic<>(Names.WEATHER_ALERTS,
			WeatherAlertRaised.class, "io.eventplatform.weather.WeatherAlertRaised.v1",
			WeatherAlertRaised::stationId, 3, Duration.ofDays(7), GIB);

	/** Produced by the gateway. */
	public static final Topic<GatewayRequestCompleted> GATEWAY_REQUESTS = new Topic<>(Names.GATEWAY_REQUESTS,
			GatewayRequestCompleted.class, "io.eventplatform.gateway.GatewayRequestCompleted.v1",
			GatewayRequestCompleted::clientId, 6, Duration.ofDays(3), GIB);

	/**
	 * Produced (and read, as a global table) by analytics-service: the fraud rules in force, one record under
	 * {@link FraudRulesChanged#KEY}; compacted, so the newest rule set stays however old it is.
	 */
	public static final Topic<FraudRulesChanged> ANALYTICS_FRAUD_RULES = Topic.compacted(Names.ANALYTICS_FRAUD_RULES,
			FraudRulesChanged.class, "io.eventplatform.transactions.FraudRulesChanged.v1",
			rules -> FraudRulesChanged.KEY, 1);

	/** Produced by analytics-service (web analytics rules on {@code gateway.requests}); mailed by notification-service. */
	public static final Topic<PlatformAlertRaised> PLATFORM_ALERTS = new Topic<>(Names.PLATFORM_ALERTS,
			PlatformAlertRaised.class, "io.eventplatform.platform.PlatformAlertRaised.v1",
			PlatformAlertRaised::subject, 3, Duration.ofDays(30), GIB);

	private static final List<Topic<?>> ALL = List.of(USERS_REGISTERED, WEATHER_READINGS, TRANSACTIONS_RECORDED,
			TRANSACTIONS_FRAUD_ALERTS, WEATHER_ALERTS, GATEWAY_REQUESTS, ANALYTICS_FRAUD_RULES, PLATFORM_ALERTS);

	// Looked up for every record sent and received: a map, not a scan of ALL through a stream each time.
	private static final Map<Class<?>, Topic<?>> BY_EVENT_TYPE = ALL.stream()
		.collect(Collectors.toUnmodifiableMap(Topic::eventType, topic -> topic));

	private static final Map<String, Topic<?>> BY_CLOUD_EVENT_TYPE = ALL.stream()
		.collect(Collectors.toUnmodifiableMap(Topic::cloudEventType, topic -> topic));

	private Topics() {
	}

	public static List<Topic<?>> all() {
		return ALL;
	}

	public static Optional<Topic<?>> byName(String name) {
		return ALL.stream().filter(topic -> topic.name().equals(name)).findFirst();
	}

	public static Optional<Topic<?>> byCloudEventType(String type) {
		return type == null ? Optional.empty() : Optional.ofNullable(BY_CLOUD_EVENT_TYPE.get(type));
	}

	/** The topic that carries the given event, and so its key and CloudEvents type. */
	@SuppressWarnings("unchecked")
	public static <T> Topic<T> carrying(T event) {
		Topic<?> topic = BY_EVENT_TYPE.get(event.getClass());
		if (topic == null) {
			throw new IllegalArgumentException("No topic carries " + event.getClass().getName());
		}
		return (Topic<T>) topic;
	}
}
