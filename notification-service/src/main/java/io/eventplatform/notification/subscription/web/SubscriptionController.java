package io.eventplatform.notification.subscription.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.criteria.Predicate;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.web.PagedModel;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import io.eventplatform.notification.subscription.Subscription;
import io.eventplatform.notification.subscription.SubscriptionManagement;
import io.eventplatform.notification.subscription.SubscriptionManagement.Subscribed;
import io.eventplatform.notification.subscription.Subscriptions;
import io.eventplatform.support.access.AccountAccess;
import io.eventplatform.support.security.Scopes;

/** Subscriptions to the alerts of a weather station or, as security contact, of an account. */
@RestController
@RequestMapping("/api/notifications/subscriptions")
class SubscriptionController {

	/** Deeper than any history is meant to be paged; keeps the offset far from overflowing (an int in SQL). */
	static final int MAX_PAGE = 100_000;

	private final SubscriptionManagement management;

	private final Subscriptions subscriptions;

	SubscriptionController(SubscriptionManagement management, Subscriptions subscriptions) {
		this.management = management;
		this.subscriptions = subscriptions;
	}

	/** 201 with the new subscription; 200 with the existing one if the address was subscribed already. */
	@PostMapping
	@PreAuthorize(Scopes.Require.NOTIFICATIONS_WRITE)
	ResponseEntity<SubscriptionResponse> subscribe(@Valid @RequestBody SubscribeRequest request,
			Authentication caller) {
		if (request.accountId() != null) {
			AccountAccess.requireOwner(caller, request.accountId());
		}
		Subscription.Kind kind = request.stationId() != null ? Subscription.Kind.WEATHER_ALERTS
				: Subscription.Kind.FRAUD_ALERTS;
		String target = request.stationId() != null ? request.stationId() : request.accountId();
		Locale language = Locale.forLanguageTag(request.language() == null ? "en" : request.language());
		Subscribed subscribed = management.subscribe(kind, target, request.email(), language,
				SubscriptionAccess.clientId(caller));
		var location = ServletUriComponentsBuilder.fromCurrentRequestUri()
			.path("/{id}")
			.buildAndExpand(subscribed.subscription().getId())
			.toUri();
		return ResponseEntity.status(subscribed.created() ? HttpStatus.CREATED : HttpStatus.OK)
			.location(location)
			.body(SubscriptionResponse.of(subscribed.subscription()));
	}

	@GetMapping("/{id}")
	@PreAuthorize(Scopes.Require.NOTIFICATIONS_READ)
	SubscriptionResponse subscription(@PathVariable UUID id, Authentication caller) {
		return accessible(id, caller).map(SubscriptionResponse::of)
			.orElseThrow(() -> new ErrorResponseException(HttpStatus.NOT_FOUND));
	}

	/**
	 * The subscriptions this client may see, oldest first, optionally of one address, station or account; at most
	 * 100 a page. Naming an account that is not the client's own is refused (403).
	 */
	@GetMapping
	@PreAuthorize(Scopes.Require.NOTIFICATIONS_READ)
	PagedModel<SubscriptionResponse> subscriptions(@RequestParam(required = false) @Email String email,
			@RequestParam(required = false) String stationId, @RequestParam(required = false) String accountId,
			@RequestParam(defaultValue = "0") @Min(0) @Max(MAX_PAGE) int page, Pageable pageable,
			Authentication caller) {
		if (accountId != null) {
			AccountAccess.requireOwner(caller, accountId);
		}
		Specification<Subscription> filter = (root, query, cb) -> {
			List<Predicate> predicates = new ArrayList<>();
			if (email != null) {
				predicates.add(cb.equal(root.get("email"), SubscriptionManagement.normalised(email)));
			}
			if (stationId != null) {
				predicates.add(cb.equal(root.get("kind"), Subscription.Kind.WEATHER_ALERTS));
				predicates.add(cb.equal(root.get("target"), stationId));
			}
			if (accountId != null) {
				predicates.add(cb.equal(root.get("kind"), Subscription.Kind.FRAUD_ALERTS));
				predicates.add(cb.equal(root.get("target"), accountId));
			}
			return cb.and(predicates.toArray(Predicate[]::new));
		};
		Pageable oldestFirst = PageRequest.of(page, pageable.getPageSize(),
				Sort.by("createdAt", "id"));
		return new PagedModel<>(subscriptions.findAll(filter.and(SubscriptionAccess.accessibleTo(caller)), oldestFirst)
			.map(SubscriptionResponse::of));
	}

	/** Unsubscribes: 204, or 404 if there is no such subscription or it is another client's. */
	@DeleteMapping("/{id}")
	@PreAuthorize(Scopes.Require.NOTIFICATIONS_WRITE)
	ResponseEntity<Void> unsubscribe(@PathVariable UUID id, Authentication caller) {
		if (accessible(id, caller).isEmpty() || !management.unsubscribe(id)) {
			throw new ErrorResponseException(HttpStatus.NOT_FOUND);
		}
		return ResponseEntity.noContent().build();
	}

	/** Another client's subscription is treated as if it did not exist: its id reveals nothing. */
	private Optional<Subscription> accessible(UUID id, Authentication caller) {
		return subscriptions.findById(id).filter(subscription -> SubscriptionAccess.mayAccess(caller, subscription));
	}
}
