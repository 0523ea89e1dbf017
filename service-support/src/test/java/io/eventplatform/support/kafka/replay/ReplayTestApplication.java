package io.eventplatform.support.kafka.replay;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.eventplatform.contract.EventEnvelope;
import io.eventplatform.contract.users.UserRegistered;

/** A consuming service with a replay endpoint, as notification-service and analytics-service have. */
@SpringBootApplication
class ReplayTestApplication {

	/** Counts how often each event was handled. */
	@Component
	static class CountingListener {

		final Map<String, Integer> handled = new ConcurrentHashMap<>();

		@KafkaListener(id = "replay-test-listener", topics = "users.registered")
		void on(EventEnvelope<UserRegistered> event) {
			handled.merge(event.id(), 1, Integer::sum);
		}
	}
}
