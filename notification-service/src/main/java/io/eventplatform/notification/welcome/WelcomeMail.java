package io.eventplatform.notification.welcome;

import io.eventplatform.contract.EventEnvelope;
import io.eventplatform.contract.users.UserRegistered;
import io.eventplatform.notification.delivery.Mail;

/** Renders the welcome mail of a registration. */
final class WelcomeMail {

	static final String KIND = "welcome";

	private WelcomeMail() {
	}

	static Mail of(EventEnvelope<UserRegistered> event) {
		UserRegistered user = event.data();
		return new Mail(event.id(), KIND, user.email(), "Welcome to the Event Platform, " + user.displayName(), """
				Hello %s,

				your account is ready. Welcome aboard!

				The Event Platform team
				""".formatted(user.displayName()));
	}
}
