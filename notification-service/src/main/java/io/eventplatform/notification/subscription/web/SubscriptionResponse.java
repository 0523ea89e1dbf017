package io.eventplatform.notification.subscription.web;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

import io.eventplatform.notification.subscription.Subscription;

@JsonInclude(JsonInclude.Include.NON_NULL)
record SubscriptionResponse(UUID id, String email, Subscription.Kind kind, @Nullable String stationId,
		@Nullable String accountId, String language, Instant createdAt) {

	static SubscriptionResponse of(Subscription subscription) {
		boolean weather = subscription.getKind() == Subscription.Kind.WEATHER_ALERTS;
		return new SubscriptionResponse(subscription.getId(), subscription.getEmail(), subscription.getKind(),
				weather ? subscription.getTarget() : null, weather ? null : subscription.getTarget(),
				subscription.getLanguage().toLanguageTag(), subscription.getCreatedAt());
	}
}
