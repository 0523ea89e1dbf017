package io.eventplatform.k8s.metrics;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.eventplatform.contract.EventEnvelope;

/** Produces, consumes and dead-letters events, answers HTTP: everything a service of the platform exports. */
@SpringBootApplication
class ScrapedServiceApplication {

	@Component
	static class Consumer {

		@KafkaListener(id = "scraped-consumer", topics = "users.registered", groupId = "scraped-consumer")
		void on(EventEnvelope<?> event) {
			// Receiving is all this test needs: the listener's observation and the consumer's metrics.
		}
	}
}
