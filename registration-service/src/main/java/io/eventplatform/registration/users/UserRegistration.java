package io.eventplatform.registration.users;

import java.time.Clock;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.orm.jpa.JpaSystemException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.eventplatform.contract.users.UserRegistered;
import io.eventplatform.support.kafka.EventPublisher;
import io.eventplatform.support.outbox.Outbox;

/**
 * Registers users. The user and its {@link UserRegistered} event are stored in one transaction (the event goes to the
 * outbox), so a user is never registered without the platform hearing of it, nor announced without being stored.
 */
@Service
public class UserRegistration {

	private static final Logger log = LoggerFactory.getLogger(UserRegistration.class);

	private final Users users;

	private final Outbox outbox;

	private final EventPublisher events;

	private final Clock clock;

	UserRegistration(Users users, Outbox outbox, EventPublisher events, Clock clock) {
		this.users = users;
		this.outbox = outbox;
		this.events = events;
		this.clock = clock;
	}

	public record Registration(String email, String displayName, String country, boolean marketingConsent) {
	}

	@Transactional
	public User register(Registration registration) {
		String email = normalise(registration.email());
		if (users.existsByEmail(email)) {
			throw new EmailAlreadyRegisteredException();
		}
		User user = new User(email, registration.displayName().strip(),
				registration.country().toUpperCase(Locale.ROOT), registration.marketingConsent(), clock.instant());
		try {
			users.saveAndFlush(user);
		}
		catch (DataIntegrityViolationException | ConcurrencyFailureException | JpaSystemException ex) {
			// Two registrations of one address at the same moment: the unique index decides. PostgreSQL reports a
			// violation once the other commits; H2 refuses at once with a "concurrent update" error.
			throw new EmailAlreadyRegisteredException();
		}
		outbox.add(events.newEvent(user.registered(), user.getRegisteredAt()));
		log.info("Registered user {}", user.getId());
		return user;
	}

	static String normalise(String email) {
		return email.strip().toLowerCase(Locale.ROOT);
	}
}
