package io.eventplatform.notification.subscription;

import java.time.Clock;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Subscribing and unsubscribing, and opting out of non-critical mail. Addresses are kept in lower case, so one
 * address in two spellings is one subscriber. Subscribing twice is harmless: the second call finds the first.
 */
@Service
public class SubscriptionManagement {

	/** A subscription, and whether this call created it. */
	public record Subscribed(Subscription subscription, boolean created) {
	}

	private final Subscriptions subscriptions;

	private final OptOuts optOuts;

	private final Clock clock;

	SubscriptionManagement(Subscriptions subscriptions, OptOuts optOuts, Clock clock) {
		this.subscriptions = subscriptions;
		this.optOuts = optOuts;
		this.clock = clock;
	}

	/** @param clientId the client that subscribes the address, which then owns the subscription */
	public Subscribed subscribe(Subscription.Kind kind, String target, String email, Locale language,
			String clientId) {
		String address = normalised(email);
		Optional<Subscription> existing = subscriptions.findByKindAndTargetAndEmail(kind, target, address);
		if (existing.isPresent()) {
			return new Subscribed(existing.get(), false);
		}
		try {
			return new Subscribed(subscriptions.saveAndFlush(new Subscription(kind, target, address, language,
					clock.instant(), clientId)), true);
		}
		catch (DataIntegrityViolationException ex) {
			// The same subscription arrived twice at once and the other call stored it first.
			return new Subscribed(subscriptions.findByKindAndTargetAndEmail(kind, target, address).orElseThrow(() -> ex),
					false);
		}
	}

	/** @return whether there was such a subscription */
	@Transactional
	public boolean unsubscribe(UUID id) {
		if (!subscriptions.existsById(id)) {
			return false;
		}
		subscriptions.deleteById(id);
		return true;
	}

	/** @return whether this call opted the address out (false: it already was) */
	@Transactional
	public boolean optOut(String email) {
		String address = normalised(email);
		if (optOuts.existsById(address)) {
			return false;
		}
		optOuts.save(new OptOut(address, clock.instant()));
		return true;
	}

	/** @return whether the address had opted out */
	@Transactional
	public boolean optIn(String email) {
		String address = normalised(email);
		if (!optOuts.existsById(address)) {
			return false;
		}
		optOuts.deleteById(address);
		return true;
	}

	public Optional<OptOut> optOutOf(String email) {
		return optOuts.findById(normalised(email));
	}

	/** Whether the address is a security contact of one of these accounts. */
	public boolean isSecurityContactOfAny(String email, Collection<String> accounts) {
		return !accounts.isEmpty() && subscriptions.existsByKindAndEmailAndTargetIn(Subscription.Kind.FRAUD_ALERTS,
				normalised(email), accounts);
	}

	public boolean hasOptedOut(String email) {
		return optOuts.existsById(normalised(email));
	}

	public static String normalised(String email) {
		return email.strip().toLowerCase(Locale.ROOT);
	}
}
