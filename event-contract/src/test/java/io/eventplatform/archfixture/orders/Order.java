package io.eventplatform.archfixture.orders;

import io.eventplatform.archfixture.billing.Invoice;
import io.eventplatform.archfixture.orders.web.OrderResponse;

/** Fixture of {@code PackageRulesTests}: a domain class that knows its web layer and sits in a cycle. */
public class Order {

	Invoice invoice;

	OrderResponse response;
}
