package io.eventplatform.notification.alert;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.eventplatform.contract.EventEnvelope;
import io.eventplatform.contract.Topics;
import io.eventplatform.contract.transactions.FraudSuspected;
import io.eventplatform.notification.dispatch.Dispatcher;

/** Hands each fraud alert to the {@link Dispatcher}. */
@Component
class FraudAlertListener {

	static final String ID = "fraud-alert-mail";

	private final Dispatcher dispatcher;

	FraudAlertListener(Dispatcher dispatcher) {
		this.dispatcher = dispatcher;
	}

	@KafkaListener(id = ID, groupId = "${platform.notification.consumer-groups.fraud-alerts}",
			topics = Topics.Names.TRANSACTIONS_FRAUD_ALERTS)
	void on(EventEnvelope<FraudSuspected> event) {
		dispatcher.fraudSuspected(event);
	}
}
