package io.eventplatform.registration.users.web;

import java.time.Instant;
import java.util.UUID;

import io.eventplatform.registration.users.User;

record UserResponse(UUID id, String email, String displayName, String country, boolean marketingConsent,
		Instant registeredAt) {

	static UserResponse of(User user) {
		return new UserResponse(user.getId(), user.getEmail(), user.getDisplayName(), user.getCountry(),
				user.isMarketingConsent(), user.getRegisteredAt());
	}
}
