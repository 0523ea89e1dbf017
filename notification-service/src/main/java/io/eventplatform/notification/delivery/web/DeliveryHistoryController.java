package io.eventplatform.notification.delivery.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.persistence.criteria.Predicate;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.web.PagedModel;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.eventplatform.notification.delivery.Deliveries;
import io.eventplatform.notification.delivery.Delivery;
import io.eventplatform.notification.delivery.DeliveryStatus;
import io.eventplatform.notification.delivery.NotificationType;
import io.eventplatform.support.access.AccountAccess;
import io.eventplatform.support.access.PersonalData;
import io.eventplatform.support.security.Scopes;

/** The history of every message: what was sent, held, suppressed or refused, to whom, and because of which event. */
@RestController
@RequestMapping("/api/notifications")
class DeliveryHistoryController {

	/** Deeper than any history is meant to be paged; keeps the offset far from overflowing (an int in SQL). */
	static final int MAX_PAGE = 100_000;

	/** Rule name in the refusal of a filter by recipient. */
	static final String RULE_RECIPIENT = "PlatformAdmin";

	private final Deliveries deliveries;

	DeliveryHistoryController(Deliveries deliveries) {
		this.deliveries = deliveries;
	}

	/**
	 * Newest first. Every filter is optional; {@code from} is inclusive and {@code to} exclusive (ISO-8601 instants),
	 * {@code eventId} finds what one event caused. {@code page} and {@code size} (at most 100) select the page.
	 * Recipients are personal data: only {@code platform:admin} sees them and the subjects (which may carry a name),
	 * and filters by recipient (which would tell whether an address got mail, e.g. registered).
	 */
	@GetMapping
	@PreAuthorize(Scopes.Require.NOTIFICATIONS_READ)
	PagedModel<DeliveryResponse> history(@RequestParam(required = false) String recipient,
			@RequestParam(required = false) NotificationType type,
			@RequestParam(required = false) DeliveryStatus status, @RequestParam(required = false) Instant from,
			@RequestParam(required = false) Instant to, @RequestParam(required = false) String eventId,
			@RequestParam(defaultValue = "0") @Min(0) @Max(MAX_PAGE) int page, Pageable pageable,
			Authentication caller) {
		boolean personalData = PersonalData.visibleTo(caller);
		if (recipient != null && !personalData) {
			throw AccountAccess.refused(RULE_RECIPIENT,
					"Only a client with scope platform:admin may filter by recipient");
		}
		Specification<Delivery> filter = (root, query, cb) -> {
			List<Predicate> predicates = new ArrayList<>();
			if (recipient != null) {
				predicates.add(cb.equal(root.get("recipient"), recipient.strip().toLowerCase(Locale.ROOT)));
			}
			if (type != null) {
				predicates.add(cb.equal(root.get("type"), type));
			}
			if (status != null) {
				predicates.add(cb.equal(root.get("status"), status));
			}
			if (from != null) {
				predicates.add(cb.greaterThanOrEqualTo(root.get("createdAt"), from));
			}
			if (to != null) {
				predicates.add(cb.lessThan(root.get("createdAt"), to));
			}
			if (eventId != null) {
				predicates.add(cb.equal(root.get("eventId"), eventId));
			}
			return cb.and(predicates.toArray(Predicate[]::new));
		};
		// The order is the API's, not the client's: a sort parameter is ignored, not passed to SQL.
		Pageable newestFirst = PageRequest.of(page, pageable.getPageSize(),
				Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("id")));
		return new PagedModel<>(deliveries.findAll(filter, newestFirst)
			.map(DeliveryResponse::of)
			.map(delivery -> personalData ? delivery : delivery.masked()));
	}
}
