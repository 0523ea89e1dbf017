package io.eventplatform.notification.welcome;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.eventplatform.contract.EventEnvelope;
import io.eventplatform.contract.users.UserRegistered;
import io.eventplatform.notification.delivery.MailDelivery;

/** Translates a registration into a welcome mail; the rules of delivery live in {@link MailDelivery}. */
@Component
class WelcomeMailListener {

	private final MailDelivery delivery;

	WelcomeMailListener(MailDelivery delivery) {
		this.delivery = delivery;
	}

	@KafkaListener(id = "welcome-mail", groupId = "${spring.kafka.consumer.group-id}", topics = "users.registered")
	void on(EventEnvelope<UserRegistered> event) {
		delivery.deliver(WelcomeMail.of(event));
	}
}
