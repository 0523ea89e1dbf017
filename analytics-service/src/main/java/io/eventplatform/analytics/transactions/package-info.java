/** Transaction volume and count by currency, per account (1-minute and 1-hour windows) and platform-wide per minute. */
package io.eventplatform.analytics.transactions;
