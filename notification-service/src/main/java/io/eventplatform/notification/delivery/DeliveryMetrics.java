package io.eventplatform.notification.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Counts messages by type and status ({@code platform.notifications}), once what was recorded is committed. */
@Component
class DeliveryMetrics {

	private final MeterRegistry registry;

	DeliveryMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	void count(NotificationType type, DeliveryStatus status) {
		Counter counter = Counter.builder("platform.notifications")
			.description("Messages by type and what became of them")
			.tag("type", type.name())
			.tag("status", status.name())
			.register(registry);
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					counter.increment();
				}
			});
		}
		else {
			counter.increment();
		}
	}
}
