package io.eventplatform.support.kafka;

import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Reports whether the broker answers. Services whose job needs the broker right now (weather ingest answers 202 only
 * after the broker acknowledged) put it in their readiness group; services with an outbox do not.
 */
class KafkaHealthIndicator extends AbstractHealthIndicator implements DisposableBean {

	private static final int TIMEOUT_MILLIS = 2000;

	private final KafkaAdmin kafkaAdmin;

	private @Nullable Admin admin;

	KafkaHealthIndicator(KafkaAdmin kafkaAdmin) {
		super("Kafka health check failed");
		this.kafkaAdmin = kafkaAdmin;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) throws Exception {
		int nodes = admin().describeCluster(new DescribeClusterOptions().timeoutMs(TIMEOUT_MILLIS))
			.nodes()
			.get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)
			.size();
		builder.up().withDetail("nodes", nodes);
	}

	private synchronized Admin admin() {
		if (admin == null) {
			admin = Admin.create(kafkaAdmin.getConfigurationProperties());
		}
		return admin;
	}

	@Override
	public synchronized void destroy() {
		if (admin != null) {
			admin.close();
		}
	}
}
