package io.eventplatform.archfixture.billing;

import io.eventplatform.archfixture.orders.Order;

/** Fixture of {@code PackageRulesTests}: the other half of a cycle between features. */
public class Invoice {

	Order order;
}
