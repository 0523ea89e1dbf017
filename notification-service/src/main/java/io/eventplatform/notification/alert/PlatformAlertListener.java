package io.eventplatform.notification.alert;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.eventplatform.contract.EventEnvelope;
import io.eventplatform.contract.Topics;
import io.eventplatform.contract.platform.PlatformAlertRaised;
import io.eventplatform.notification.dispatch.Dispatcher;

/** Hands each alert about the platform itself (a failing or slow gateway route) to the {@link Dispatcher}. */
@Component
class PlatformAlertListener {

	static final String ID = "platform-alert-mail";

	private final Dispatcher dispatcher;

	PlatformAlertListener(Dispatcher dispatcher) {
		this.dispatcher = dispatcher;
	}

	@KafkaListener(id = ID, groupId = "${platform.notification.consumer-groups.platform-alerts}",
			topics = Topics.Names.PLATFORM_ALERTS)
	void on(EventEnvelope<PlatformAlertRaised> event) {
		dispatcher.platformAlertRaised(event);
	}
}
