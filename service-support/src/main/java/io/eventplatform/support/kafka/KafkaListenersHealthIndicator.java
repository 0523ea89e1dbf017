package io.eventplatform.support.kafka;

import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * DOWN while a listener container has stopped other than on request: an {@link Error} in a listener (or a fatal
 * consumer failure) ends its consumer thread, and the service would otherwise look healthy while it consumes nothing.
 * Services with listeners put it in their readiness group.
 */
class KafkaListenersHealthIndicator extends AbstractHealthIndicator {

	private final ObjectProvider<KafkaListenerEndpointRegistry> registry;

	KafkaListenersHealthIndicator(ObjectProvider<KafkaListenerEndpointRegistry> registry) {
		this.registry = registry;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		KafkaListenerEndpointRegistry listeners = registry.getIfAvailable();
		List<String> failed = listeners == null ? List.of()
				: listeners.getAllListenerContainers()
					.stream()
					.filter(container -> !container.isInExpectedState())
					.map(MessageListenerContainer::getListenerId)
					.sorted()
					.toList();
		if (failed.isEmpty()) {
			builder.up();
		}
		else {
			builder.down().withDetail("stopped", failed);
		}
	}
}
