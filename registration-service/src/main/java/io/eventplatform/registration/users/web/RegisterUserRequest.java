package io.eventplatform.registration.users.web;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.eventplatform.registration.users.UserRegistration.Registration;
import io.eventplatform.support.web.PlainText;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The body of {@code POST /api/users}. Properties not named here (such as {@code id} or {@code role}) are ignored,
 * never applied.
 */
record RegisterUserRequest(@Schema(example = "ada@example.com") @NotBlank @Email @Size(max = 254) String email,
		@Schema(example = "Ada Lovelace") @NotBlank @Size(max = 100) @Pattern(regexp = PlainText.PATTERN,
				message = PlainText.MESSAGE) String displayName,
		@Schema(example = "GB", description = "ISO 3166-1 alpha-2") @NotNull @Pattern(regexp = "[A-Za-z]{2}",
				message = "must be an ISO 3166-1 alpha-2 country code") String country,
		@Schema(example = "true", description = "Optional; false when absent") Boolean marketingConsent) {

	RegisterUserRequest {
		// Surrounding blanks are a typing accident, not an invalid address: validate what will be stored.
		email = email == null ? null : email.strip();
		displayName = displayName == null ? null : displayName.strip();
	}

	Registration toRegistration() {
		return new Registration(email, displayName, country, Boolean.TRUE.equals(marketingConsent));
	}
}
