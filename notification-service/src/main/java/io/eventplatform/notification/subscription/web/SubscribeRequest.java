package io.eventplatform.notification.subscription.web;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Subscribes {@code email} to the alerts of a weather station ({@code stationId}) or, as security contact, to the
 * fraud alerts of an account ({@code accountId}): exactly one of the two.
 *
 * @param language the language of the messages ({@code en} or {@code de}); English when absent
 */
record SubscribeRequest(@NotBlank @Email @Size(max = 254) String email,
		@Size(min = 1, max = 100) @Pattern(regexp = "[A-Za-z0-9._:-]+") String stationId,
		@Size(min = 1, max = 100) @Pattern(regexp = "[A-Za-z0-9._:-]+") String accountId,
		@Pattern(regexp = "en|de") String language) {

	@AssertTrue(message = "give either stationId or accountId, not both")
	boolean isOneTarget() {
		return (stationId == null) != (accountId == null);
	}
}
