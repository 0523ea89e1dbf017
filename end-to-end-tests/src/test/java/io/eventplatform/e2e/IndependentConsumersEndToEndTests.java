package io.eventplatform.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import tools.jackson.databind.JsonNode;

/**
 * Each consumer works on its own (issue 17, section 4). Under steady load through the gateway (registrations,
 * transactions, weather readings), notification-service, analytics-service and warehouse-service are killed in turn
 * with SIGKILL. While one is down, events accepted after the kill take effect at the other two (a welcome mail in the
 * mailbox, a row in the warehouse, a higher registration count): a consumer that shared a process or a consumer group
 * with the one killed would not show them. Then it starts again and catches up on what it missed, and in the end every
 * accepted event has its effect at every consumer exactly once: one welcome mail per user, one warehouse row per event,
 * analytics' counts equal to what was accepted.
 */
@ExtendWith(Platform.class)
@Order(13)
class IndependentConsumersEndToEndTests {

	/** No other test registers users of this country, so its count is this test's alone. */
	static final String COUNTRY = "TV";

	static final List<String> CONSUMERS = List.of("notification-service", "analytics-service", "warehouse-service");

	/** One transaction and one reading per tick, a registration every {@link #USER_EVERY} ticks. */
	static final Duration TICK = Duration.ofMillis(250);

	static final int USER_EVERY = 4;

	/** Registrations accepted after a kill whose effects the other consumers must show while it is down. */
	static final int USERS_WHILE_DOWN = 3;

	static final Duration TIMEOUT = Duration.ofSeconds(120);

	static final Duration POLL = Duration.ofMillis(500);

	static String admin;

	@BeforeAll
	static void tokens() {
		// Queries as the administrator: e-mail addresses unmasked, and a rate limit apart from the load's.
		admin = Platform.token("platform-admin", "admin-secret");
	}

	@Test
	void shouldKeepTheOtherConsumersEffectsArrivingWhileOneIsDownAndCatchItUpExactlyOnce() throws Exception {
		String run = UUID.randomUUID().toString().substring(0, 8);
		Effects effects = new Effects(run);
		List<String> figures = new ArrayList<>();

		try (Load load = Load.start(run, Platform.token("demo-client", "demo-secret"))) {
			for (String consumer : CONSUMERS) {
				figures.add(killAndRestart(consumer, load, effects));
			}
			load.stop();

			// Then every accepted event has its effect exactly once at every consumer
			await("every consumer's effects of all accepted events").atMost(TIMEOUT)
				.pollInterval(POLL)
				.until(() -> effects.mails().size() >= load.emails.size()
						&& effects.analyticsUsers() >= load.emails.size()
						&& effects.analyticsTransactions(load.occurredAt) >= load.transactions.size()
						&& effects.warehouseTotal(effects.usersPath()) >= load.emails.size()
						&& effects.warehouseTotal(effects.transactionsPath()) >= load.transactions.size()
						&& effects.warehouseTotal(effects.readingsPath()) >= load.readings.size());
			Tally mail = Tally.of(effects.mails(), load.emails);
			Tally registrations = Tally.of(effects.analyticsUsers(), load.emails.size());
			Tally aggregates = Tally.of(effects.analyticsTransactions(load.occurredAt), load.transactions.size());
			Tally rows = Tally.of(effects.warehouse(effects.usersPath(), "email"), load.emails)
				.plus(Tally.of(effects.warehouse(effects.transactionsPath(), "transactionId"), load.transactions))
				.plus(Tally.of(effects.warehouse(effects.readingsPath(), "eventId"), load.readings));

			System.out.printf("Independent consumers: accepted %d registrations, %d transactions, %d readings "
					+ "through the gateway under steady load%n", load.emails.size(), load.transactions.size(),
					load.readings.size());
			figures.forEach(line -> System.out.println("  " + line));
			System.out.printf("  welcome mails: lost %d, duplicated %d; analytics registrations: lost %d, duplicated "
					+ "%d; analytics transactions: lost %d, duplicated %d; warehouse rows: lost %d, duplicated %d%n",
					mail.lost, mail.duplicated, registrations.lost, registrations.duplicated, aggregates.lost,
					aggregates.duplicated, rows.lost, rows.duplicated);
			for (Tally tally : List.of(mail, registrations, aggregates, rows)) {
				assertThat(tally.lost).as("lost").isZero();
				// notification-service hands a mail over at least once (ADR 3): a duplicate mail here means the kill
				// fell between the SMTP server's acceptance and the commit of the delivery's record.
				assertThat(tally.duplicated).as("duplicated").isZero();
			}
		}
	}

	/**
	 * Kills one consumer under load, shows the other two take effect for events accepted after the kill, starts it
	 * again and waits until it has the effects of everything accepted by then.
	 * @return the figures of this round
	 */
	private static String killAndRestart(String consumer, Load load, Effects effects) {
		// Given every consumer running and the load flowing
		load.awaitUsers(USERS_WHILE_DOWN);

		// When the consumer is killed
		int usersBefore = load.emails.size();
		Platform.get().killPart(consumer);
		long killed = System.nanoTime();

		// Then the others take effect for registrations sent after the kill (the load sends one request at a time:
		// only the registration accepted next can have been sent before it), the killed one does not
		int usersSoFar = usersBefore + 1 + USERS_WHILE_DOWN;
		load.awaitUsers(usersSoFar);
		List<String> whileDown = List.copyOf(load.emails.subList(usersBefore + 1, usersSoFar));
		int transactionsSoFar = load.transactions.size();
		if (!consumer.equals("notification-service")) {
			await("welcome mails of users registered while " + consumer + " is down").atMost(TIMEOUT)
				.pollInterval(POLL)
				.untilAsserted(() -> assertThat(effects.mails()).containsKeys(whileDown.toArray(String[]::new)));
		}
		if (!consumer.equals("warehouse-service")) {
			await("warehouse rows of users registered while " + consumer + " is down").atMost(TIMEOUT)
				.pollInterval(POLL)
				.untilAsserted(() -> assertThat(effects.warehouse(effects.usersPath(), "email"))
					.containsKeys(whileDown.toArray(String[]::new)));
		}
		if (!consumer.equals("analytics-service")) {
			await("analytics counting what was accepted while " + consumer + " is down").atMost(TIMEOUT)
				.pollInterval(POLL)
				.until(() -> effects.analyticsUsers() >= usersSoFar
						&& effects.analyticsTransactions(load.occurredAt) >= transactionsSoFar);
		}
		switch (consumer) {
			case "notification-service" -> assertThat(effects.mails()).doesNotContainKeys(whileDown.toArray(String[]::new));
			case "analytics-service" -> assertThat(effects.analyticsUsers()).as("analytics while down").isEqualTo(-1);
			default -> assertThat(effects.warehouseTotal(effects.usersPath())).as("warehouse while down").isEqualTo(-1);
		}
		double othersSeconds = seconds(killed);

		// When it is started again
		long restart = System.nanoTime();
		Platform.get().startPart(consumer);
		double readySeconds = seconds(restart);
		List<String> emails = List.copyOf(load.emails);
		int transactions = load.transactions.size();
		int readings = load.readings.size();

		// Then it catches up with everything accepted meanwhile
		await(consumer + " catching up").atMost(TIMEOUT).pollInterval(POLL).until(() -> switch (consumer) {
			case "notification-service" -> effects.mails().keySet().containsAll(emails);
			case "analytics-service" -> effects.analyticsUsers() >= emails.size()
					&& effects.analyticsTransactions(load.occurredAt) >= transactions;
			default -> effects.warehouseTotal(effects.usersPath()) >= emails.size()
					&& effects.warehouseTotal(effects.transactionsPath()) >= transactions
					&& effects.warehouseTotal(effects.readingsPath()) >= readings;
		});
		return String.format(Locale.ROOT,
				"%s killed: the other two took effect for %d registrations accepted after the kill, within %.1f s of "
						+ "it; restarted and ready in %.1f s, caught up %.1f s after the restart (%d registrations, %d "
						+ "transactions, %d readings accepted by then)",
				consumer, USERS_WHILE_DOWN, othersSeconds, readySeconds, seconds(restart), emails.size(), transactions,
				readings);
	}

	private static double seconds(long since) {
		return (System.nanoTime() - since) / 1e9;
	}

	/** Each consumer's effects as a client sees them: the mailbox, analytics' queries, the warehouse's history. */
	static final class Effects {

		private final String run;

		Effects(String run) {
			this.run = run;
		}

		/** The welcome mails to this run's users, counted by recipient. */
		Map<String, Integer> mails() {
			HttpResponse<String> response = Platform
				.send(HttpRequest.newBuilder(Platform.get().mailApiUrl().resolve("/messages")).GET().build());
			Map<String, Integer> byRecipient = new HashMap<>();
			for (JsonNode mail : Platform.json.readTree(response.body())) {
				if (mail.path("subject").asString().startsWith("Welcome")) {
					mail.path("to").forEach(to -> {
						if (to.asString().endsWith(Load.domain(run))) {
							byRecipient.merge(to.asString(), 1, Integer::sum);
						}
					});
				}
			}
			return byRecipient;
		}

		/** Registrations of {@link #COUNTRY} counted by analytics-service; -1 while it cannot answer. */
		long analyticsUsers() {
			HttpResponse<String> response = Platform.get("/api/analytics/registrations", admin);
			return response.statusCode() == 200
					? Platform.json.readTree(response.body()).path("byCountry").path(COUNTRY).asLong(0) : -1;
		}

		/** The run's transactions in analytics' minute window of their one occurred-at instant; -1 while it cannot answer. */
		long analyticsTransactions(Instant occurredAt) {
			HttpResponse<String> response = Platform.get("/api/analytics/accounts/" + Load.account(run) + "?at="
					+ occurredAt, admin);
			if (response.statusCode() == 404) {
				return 0;
			}
			if (response.statusCode() != 200) {
				return -1;
			}
			JsonNode minute = Platform.json.readTree(response.body()).path("minute");
			return minute.isEmpty() ? 0 : minute.get(0).path("volume").path("byCurrency").path("EUR").path("count").asLong();
		}

		String usersPath() {
			return "/api/analytics/history/users?country=" + COUNTRY;
		}

		String transactionsPath() {
			return "/api/analytics/history/accounts/" + Load.account(run) + "/transactions?";
		}

		String readingsPath() {
			return "/api/analytics/history/stations/" + Load.station(run) + "/readings?";
		}

		/** How many rows a history query finds; -1 while warehouse-service cannot answer. */
		long warehouseTotal(String path) {
			HttpResponse<String> page = Platform.get(path + (path.endsWith("?") ? "" : "&") + "size=1", admin);
			return page.statusCode() == 200
					? Platform.json.readTree(page.body()).path("page").path("totalElements").asLong() : -1;
		}

		/** One field of every row a history query finds, counted by value. */
		Map<String, Integer> warehouse(String path, String field) {
			Map<String, Integer> counted = new HashMap<>();
			for (int page = 0;; page++) {
				HttpResponse<String> answer = Platform
					.get(path + (path.endsWith("?") ? "" : "&") + "size=100&page=" + page, admin);
				assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
				JsonNode body = Platform.json.readTree(answer.body());
				body.path("content").forEach(row -> counted.merge(row.path(field).asString(), 1, Integer::sum));
				if (page + 1 >= body.path("page").path("totalPages").asLong()) {
					return counted;
				}
			}
		}
	}

	/**
	 * Steady traffic through the gateway, one tick at a time on a thread of its own: what a producer accepted is
	 * recorded by the id a consumer's effect carries. A call that leaves the outcome open (no answer, 5xx) is sent
	 * again as it was (the same {@code Idempotency-Key}, the same address, the same station and time), so each
	 * event is accepted once.
	 */
	static final class Load implements AutoCloseable {

		/** The registered addresses (a 409 on a retry means the first attempt registered it). */
		final List<String> emails = new CopyOnWriteArrayList<>();

		final List<String> transactions = new CopyOnWriteArrayList<>();

		final List<String> readings = new CopyOnWriteArrayList<>();

		/** Every transaction of the run occurred at this instant: each analytics window containing it holds them all. */
		final Instant occurredAt = Instant.now().minusSeconds(30).truncatedTo(ChronoUnit.SECONDS);

		private final Instant firstReading = Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.SECONDS);

		private final String run;

		private final String token;

		private final ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor();

		private final AtomicInteger tick = new AtomicInteger();

		private final AtomicReference<Throwable> failure = new AtomicReference<>();

		private Load(String run, String token) {
			this.run = run;
			this.token = token;
		}

		static Load start(String run, String token) {
			Load load = new Load(run, token);
			load.ticks.scheduleWithFixedDelay(load::tick, 0, TICK.toMillis(), TimeUnit.MILLISECONDS);
			return load;
		}

		static String domain(String run) {
			return "@independent-" + run + ".example.com";
		}

		static String account(String run) {
			return "INDEPENDENT-" + run;
		}

		static String station(String run) {
			return "independent-" + run;
		}

		private void tick() {
			if (failure.get() != null) {
				return;
			}
			try {
				int n = tick.getAndIncrement();
				if (n % USER_EVERY == 0) {
					String email = "user-" + n + domain(run);
					accept("/api/users", """
							{"email":"%s","displayName":"Independent %d","country":"%s"}""".formatted(email, n, COUNTRY),
							null, answer -> emails.add(email));
				}
				accept("/api/transactions", """
						{"accountId":"%s","amount":"1.00","currency":"EUR","direction":"DEBIT","merchant":"Shop",
						 "merchantCountry":"NL","occurredAt":"%s"}""".formatted(account(run), occurredAt),
						UUID.randomUUID().toString(), answer -> transactions.add(id(answer)));
				accept("/api/weather/readings", """
						{"stationId":"%s","observedAt":"%s","temperatureCelsius":%d,"humidityPercent":50}"""
					.formatted(station(run), firstReading.plusMillis(100L * n), 10 + n % 5), null,
						answer -> readings.add(id(answer)));
			}
			catch (Throwable ex) {
				failure.set(ex);
			}
		}

		/** Sends until the producer takes it; {@code accepted} gets its answer (201, 202, or 409 for an address). */
		private void accept(String path, String body, String idempotencyKey,
				Consumer<HttpResponse<String>> accepted) {
			AtomicReference<HttpResponse<String>> answer = new AtomicReference<>();
			await(path).atMost(Duration.ofSeconds(60)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(200))
				.until(() -> {
					try {
						answer.set(Platform.post(path, body, idempotencyKey, token));
					}
					catch (UncheckedIOException ex) {
						return false;
					}
					int status = answer.get().statusCode();
					assertThat(status).as(answer.get().body()).matches(code -> code < 300 || code >= 500 || code == 409,
							"accepted, or an outcome left open");
					return status < 300 || (status == 409 && idempotencyKey == null);
				});
			accepted.accept(answer.get());
		}

		private static String id(HttpResponse<String> answer) {
			return Platform.json.readTree(answer.body()).path("id").asString();
		}

		/** Waits until {@code count} registrations were accepted; fails at once if the load failed. */
		void awaitUsers(int count) {
			await(count + " registrations accepted").atMost(TIMEOUT).until(() -> {
				if (failure.get() != null) {
					throw new AssertionError("The load failed", failure.get());
				}
				return emails.size() >= count;
			});
		}

		/** Lets the tick under way finish, then sends nothing more; fails if the load did. */
		void stop() throws InterruptedException {
			ticks.shutdown();
			assertThat(ticks.awaitTermination(2, TimeUnit.MINUTES)).as("the load stopped").isTrue();
			if (failure.get() != null) {
				throw new AssertionError("The load failed", failure.get());
			}
		}

		@Override
		public void close() {
			ticks.shutdownNow();
		}
	}

	/** What one consumer lost and did twice, compared with what was accepted. */
	record Tally(long lost, long duplicated) {

		static Tally of(Map<String, Integer> found, Collection<String> accepted) {
			Map<String, Integer> counted = new LinkedHashMap<>();
			accepted.forEach(id -> counted.put(id, found.getOrDefault(id, 0)));
			long lost = counted.values().stream().filter(count -> count == 0).count();
			long duplicated = counted.values().stream().mapToLong(count -> Math.max(0, count - 1)).sum()
					// An effect of something nobody accepted is one too many as well.
					+ found.keySet().stream().filter(id -> !counted.containsKey(id)).mapToLong(found::get).sum();
			return new Tally(lost, duplicated);
		}

		static Tally of(long counted, long accepted) {
			return new Tally(Math.max(0, accepted - counted), Math.max(0, counted - accepted));
		}

		Tally plus(Tally other) {
			return new Tally(lost + other.lost, duplicated + other.duplicated);
		}
	}
}
