/** Fraud rules over each account's transactions, writing {@code FraudSuspected} to {@code transactions.fraud-alerts}. */
@NullMarked
package io.eventplatform.analytics.fraud;

import org.jspecify.annotations.NullMarked;
