package io.eventplatform.notification.welcome;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.eventplatform.contract.EventEnvelope;
import io.eventplatform.contract.Topics;
import io.eventplatform.contract.users.UserRegistered;
import io.eventplatform.notification.dispatch.Dispatcher;

/** Hands each registration to the {@link Dispatcher}, which decides who gets what. */
@Component
class WelcomeMailListener {

	static final String ID = "welcome-mail";

	private final Dispatcher dispatcher;

	WelcomeMailListener(Dispatcher dispatcher) {
		this.dispatcher = dispatcher;
	}

	@KafkaListener(id = ID, groupId = "${spring.kafka.consumer.group-id}", topics = Topics.Names.USERS_REGISTERED)
	void on(EventEnvelope<UserRegistered> event) {
		dispatcher.userRegistered(event);
	}
}
