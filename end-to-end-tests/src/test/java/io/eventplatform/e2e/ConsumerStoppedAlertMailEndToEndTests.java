package io.eventplatform.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.eventplatform.local.LocalPlatform;
import io.eventplatform.local.monitoring.LocalMonitoring;
import tools.jackson.databind.JsonNode;

/**
 * "An alert fires and its mail arrives when you stop a consumer under load" (issue 16, done when), with the rule as
 * {@code k8s/} deploys it, {@code for: 5m} included: the group {@link StoppedConsumer#GROUP} lost its consumer early
 * in the run ({@link ConsumerStoppedEndToEndTests}, order 4) while the tests in between kept producing to its topic;
 * here, the last test before the platform restarts on three brokers, the alert {@code KafkaConsumerGroupWithoutConsumers}
 * for that group must be firing in the platform's Prometheus, the group's lag (the broker's view) above 0, and the
 * alert's mail must be in the operations mailbox, sent by Alertmanager through the local SMTP server. The wait that is
 * left after the other tests (5 minutes of the rule, a scrape, an evaluation and Alertmanager's group wait, less the
 * time the tests in between took) is printed; run alone, the class waits it all.
 * <p>
 * A group of its own rather than a service's: all tests share one platform, and every platform group is one that
 * other tests need consuming in those minutes (notification-service's mails, warehouse-service's rows, analytics'
 * counts), or whose service being down fails DashboardEndToEndTests' every-application-ready check. The rule does not
 * know services: it watches every group the broker knows ({@code kafka_consumergroup_members == 0}, from the
 * launcher's exporter of the brokers' view), so a service's group takes the same path. Skipped where Prometheus and
 * Alertmanager are not installed, unless {@code -Dmonitoring.tools.required=true} (CI).
 */
@ExtendWith(Platform.class)
@Order(89)
class ConsumerStoppedAlertMailEndToEndTests {

	static final String ALERT = "KafkaConsumerGroupWithoutConsumers";

	/** The rule's 5 minutes, a scrape and an evaluation (10 s each), Alertmanager's group wait (10 s), and slack. */
	static final Duration ALERT_DELAY = Duration.ofMinutes(8);

	@Test
	void shouldMailTheAlertForAGroupWithoutConsumersToOperationsOnceItHasHadNoneForFiveMinutes() throws Exception {
		// Given a group that lost its last consumer, with its topic still receiving
		LocalPlatform platform = Platform.get();
		requireMonitoring(platform);
		Instant stopped = StoppedConsumer.stoppedAt(platform);
		Instant waitFrom = Instant.now();
		int prometheus = platform.settings().monitoring().prometheus();

		// When the rule's five minutes are over, then: firing in Prometheus, and mailed to operations
		List<JsonNode> mails = new ArrayList<>();
		Duration left = Duration.between(Instant.now(), stopped.plus(ALERT_DELAY));
		await("the " + ALERT + " mail for " + StoppedConsumer.GROUP)
			.atMost(left.compareTo(Duration.ofSeconds(30)) < 0 ? Duration.ofSeconds(30) : left)
			.pollDelay(Duration.ZERO)
			.pollInterval(Duration.ofSeconds(5))
			.until(() -> {
				mails.clear();
				mailsTo(platform, LocalMonitoring.OPERATIONS_ADDRESS).stream()
					.filter(mail -> mail.toString().contains(ALERT) && mail.toString().contains(StoppedConsumer.GROUP))
					.forEach(mails::add);
				return !mails.isEmpty();
			});
		Instant arrived = Instant.now();
		System.out.printf("%s mail for %s: %d s after the consumer stopped, %d s of it waited here%n", ALERT,
				StoppedConsumer.GROUP, Duration.between(stopped, arrived).toSeconds(),
				Duration.between(waitFrom, arrived).toSeconds());
		assertThat(mails.get(0).get("subject").asString()).contains("FIRING").contains(ALERT);
		assertThat(Duration.between(stopped, arrived)).as("the rule's for: 5m").isGreaterThanOrEqualTo(Duration.ofMinutes(5));
		assertThat(query(prometheus, "ALERTS{alertname=\"" + ALERT + "\", alertstate=\"firing\", consumergroup=\""
				+ StoppedConsumer.GROUP + "\"}")).contains("\"" + StoppedConsumer.GROUP + "\"");
		// Under load: the topic kept receiving after the consumer stopped, as the broker's lag shows.
		assertThat(query(prometheus, "sum(kafka_consumergroup_lag{consumergroup=\"" + StoppedConsumer.GROUP
				+ "\"}) > 0")).contains("\"value\"");
	}

	private static void requireMonitoring(LocalPlatform platform) {
		if (platform.settings().monitoring().enabled() && LocalMonitoring.alertmanagerBinary().isPresent()) {
			return;
		}
		String missing = "Prometheus or Alertmanager is not installed, so no alert mail was awaited: "
				+ "apt-get install prometheus prometheus-alertmanager";
		if (Boolean.getBoolean("monitoring.tools.required")) {
			fail(missing + " (monitoring.tools.required=true)");
		}
		abort(missing);
	}

	private static String query(int port, String promql) {
		HttpResponse<String> response = Platform.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
				+ "/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8))).build());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return response.body();
	}

	private static List<JsonNode> mailsTo(LocalPlatform platform, String address) {
		HttpResponse<String> response = Platform.send(HttpRequest
			.newBuilder(platform.mailApiUrl().resolve("/messages?to=" + URLEncoder.encode(address, StandardCharsets.UTF_8)))
			.GET()
			.build());
		List<JsonNode> mails = new ArrayList<>();
		Platform.json.readTree(response.body()).forEach(mails::add);
		return mails;
	}
}
