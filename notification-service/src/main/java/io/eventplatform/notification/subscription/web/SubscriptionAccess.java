package io.eventplatform.notification.subscription.web;

import java.util.List;

import jakarta.persistence.criteria.Predicate;

import org.springframework.data.jpa.domain.Specification;
import org.springframework.security.core.Authentication;

import io.eventplatform.notification.subscription.Subscription;
import io.eventplatform.notification.subscription.SubscriptionManagement;
import io.eventplatform.support.access.AccountAccess;

/**
 * Whose subscriptions a client sees and changes. A security contact (fraud alerts) belongs to its account, so to the
 * clients whose {@code accounts} claim names the account; a station's subscriber (the station is public, the address
 * is not) to the client that subscribed it. {@code platform:admin} sees and changes all. An opt-out belongs to the
 * address, which no client owns: a client may opt out (or back in, or ask about) only an address that is a security
 * contact of one of its own accounts.
 */
final class SubscriptionAccess {

	/** Rule name in a refusal of an opt-out. */
	static final String RULE_OPT_OUT = "ContactOfOwnAccount";

	private SubscriptionAccess() {
	}

	static boolean mayAccess(Authentication caller, Subscription subscription) {
		if (AccountAccess.isAdmin(caller)) {
			return true;
		}
		return switch (subscription.getKind()) {
			case FRAUD_ALERTS -> AccountAccess.owns(caller, subscription.getTarget());
			case WEATHER_ALERTS -> clientId(caller).equals(subscription.getClientId());
		};
	}

	/** The subscriptions {@link #mayAccess} allows, as a query. */
	static Specification<Subscription> accessibleTo(Authentication caller) {
		if (AccountAccess.isAdmin(caller)) {
			return (root, query, cb) -> cb.conjunction();
		}
		List<String> accounts = AccountAccess.ownAccounts(AccountAccess.token(caller));
		String clientId = clientId(caller);
		return (root, query, cb) -> {
			Predicate ownStations = cb.and(cb.equal(root.get("kind"), Subscription.Kind.WEATHER_ALERTS),
					cb.equal(root.get("clientId"), clientId));
			if (accounts.isEmpty()) {
				return ownStations;
			}
			return cb.or(ownStations, cb.and(cb.equal(root.get("kind"), Subscription.Kind.FRAUD_ALERTS),
					root.get("target").in(accounts)));
		};
	}

	static void requireOptOutOwner(Authentication caller, SubscriptionManagement management, String email) {
		if (AccountAccess.isAdmin(caller) || management.isSecurityContactOfAny(email,
				AccountAccess.ownAccounts(AccountAccess.token(caller)))) {
			return;
		}
		throw AccountAccess.refused(RULE_OPT_OUT, "This client may not change or read the mail preferences of this "
				+ "address: only of a security contact of an account in its accounts claim, or with scope platform:admin");
	}

	static String clientId(Authentication caller) {
		return AccountAccess.clientId(AccountAccess.token(caller));
	}
}
