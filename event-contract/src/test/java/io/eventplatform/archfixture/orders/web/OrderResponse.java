package io.eventplatform.archfixture.orders.web;

/** Fixture of {@code PackageRulesTests}: a web-layer class. */
public record OrderResponse(String id) {
}
