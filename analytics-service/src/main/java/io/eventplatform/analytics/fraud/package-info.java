/** Fraud rules over each account's transactions, writing {@code FraudSuspected} to {@code transactions.fraud-alerts}. */
package io.eventplatform.analytics.fraud;
