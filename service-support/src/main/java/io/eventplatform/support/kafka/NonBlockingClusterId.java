package io.eventplatform.support.kafka;

import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jspecify.annotations.Nullable;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * The cluster id an observed {@code KafkaTemplate} tags its spans with, looked up off the sender's thread.
 * <p>
 * spring-kafka asks its {@link KafkaAdmin} for the id on every observed send until it has one, and
 * {@link KafkaAdmin#clusterId()} blocks while the broker is away: up to the admin client's {@code default.api.timeout.ms}
 * (a minute), on the thread that sends. That would hold every HTTP request that publishes for a minute instead of the
 * bounded wait the services promise (weather-ingest answers 503 within seconds). Here the first caller starts one
 * background lookup and every caller gets the id once it is known, {@code null} (no tag) until then.
 */
final class NonBlockingClusterId extends KafkaAdmin {

	private final AtomicBoolean lookingUp = new AtomicBoolean();

	private volatile @Nullable String clusterId;

	NonBlockingClusterId(Map<String, Object> config) {
		super(config);
	}

	@Override
	public @Nullable String clusterId() {
		String known = this.clusterId;
		if (known == null && this.lookingUp.compareAndSet(false, true)) {
			Thread lookup = new Thread(() -> {
				try {
					this.clusterId = super.clusterId();
				}
				finally {
					this.lookingUp.set(false);
				}
			}, "kafka-cluster-id");
			lookup.setDaemon(true);
			lookup.start();
		}
		return known;
	}
}
