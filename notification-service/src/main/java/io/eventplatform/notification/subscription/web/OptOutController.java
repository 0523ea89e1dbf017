package io.eventplatform.notification.subscription.web;

import java.time.Instant;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import io.eventplatform.notification.subscription.OptOut;
import io.eventplatform.notification.subscription.SubscriptionManagement;
import io.eventplatform.support.security.Scopes;

/**
 * Opting an address out of non-critical mail (the welcome mail) and back in. Alerts are critical and still arrive.
 * Only for an address that is a security contact of one of the client's own accounts, or with {@code platform:admin}
 * (see {@link SubscriptionAccess}); any other address is refused with 403 before anything is looked up.
 */
@RestController
@RequestMapping("/api/notifications/opt-outs")
class OptOutController {

	record OptOutRequest(@NotBlank @Email @Size(max = 254) String email) {
	}

	record OptOutResponse(String email, Instant createdAt) {

		static OptOutResponse of(OptOut optOut) {
			return new OptOutResponse(optOut.getEmail(), optOut.getCreatedAt());
		}
	}

	private final SubscriptionManagement management;

	OptOutController(SubscriptionManagement management) {
		this.management = management;
	}

	/** 201 when the address is opted out now, 200 when it already was. */
	@PostMapping
	@PreAuthorize(Scopes.Require.NOTIFICATIONS_WRITE)
	ResponseEntity<OptOutResponse> optOut(@Valid @RequestBody OptOutRequest request, Authentication caller) {
		SubscriptionAccess.requireOptOutOwner(caller, management, request.email());
		boolean created = management.optOut(request.email());
		OptOut optOut = management.optOutOf(request.email()).orElseThrow();
		var location = ServletUriComponentsBuilder.fromCurrentRequestUri()
			.path("/{email}")
			.buildAndExpand(optOut.getEmail())
			.toUri();
		return ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK)
			.location(location)
			.body(OptOutResponse.of(optOut));
	}

	/** 200 if the address opted out, 404 if not. */
	@GetMapping("/{email}")
	@PreAuthorize(Scopes.Require.NOTIFICATIONS_READ)
	OptOutResponse optOutOf(@PathVariable String email, Authentication caller) {
		SubscriptionAccess.requireOptOutOwner(caller, management, email);
		return management.optOutOf(email)
			.map(OptOutResponse::of)
			.orElseThrow(() -> new ErrorResponseException(HttpStatus.NOT_FOUND));
	}

	/** Opts the address back in: 204, or 404 if it had not opted out. */
	@DeleteMapping("/{email}")
	@PreAuthorize(Scopes.Require.NOTIFICATIONS_WRITE)
	ResponseEntity<Void> optIn(@PathVariable String email, Authentication caller) {
		SubscriptionAccess.requireOptOutOwner(caller, management, email);
		if (!management.optIn(email)) {
			throw new ErrorResponseException(HttpStatus.NOT_FOUND);
		}
		return ResponseEntity.noContent().build();
	}
}
