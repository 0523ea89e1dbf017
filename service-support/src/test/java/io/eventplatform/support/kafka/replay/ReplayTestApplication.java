package io.eventplatform.support.kafka.replay;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.eventplatform.contract.EventEnvelope;
import io.eventplatform.contract.users.UserRegistered;

/**
 * A consuming service with a replay endpoint, as notification-service and warehouse-service have: two listeners of
 * one topic, each in a consumer group of its own (its id).
 */
@SpringBootApplication
class ReplayTestApplication {

	static final String LISTENER = "replay-test-listener";

	static final String OTHER_LISTENER = "replay-test-other";

	/** Counts how often each listener handled each event. */
	@Component
	static class CountingListener {

		final Map<String, Integer> handled = new ConcurrentHashMap<>();

		final Map<String, Integer> handledByOther = new ConcurrentHashMap<>();

		@KafkaListener(id = LISTENER, topics = "users.registered")
		void on(EventEnvelope<UserRegistered> event) {
			handled.merge(event.id(), 1, Integer::sum);
		}

		@KafkaListener(id = OTHER_LISTENER, topics = "users.registered")
		void onOther(EventEnvelope<UserRegistered> event) {
			handledByOther.merge(event.id(), 1, Integer::sum);
		}
	}
}
