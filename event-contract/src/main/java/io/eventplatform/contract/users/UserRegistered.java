package io.eventplatform.contract.users;

import java.util.Objects;
import java.util.UUID;

/**
 * A user signed up. Published by registration-service to {@code users.registered}, keyed by {@link #userId()}.
 */
public record UserRegistered(UUID userId, String email, String displayName, String country, boolean marketingConsent) {

	public UserRegistered {
		Objects.requireNonNull(userId, "userId");
		Objects.requireNonNull(email, "email");
		Objects.requireNonNull(displayName, "displayName");
		Objects.requireNonNull(country, "country");
	}
}
