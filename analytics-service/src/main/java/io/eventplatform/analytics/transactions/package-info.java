/** Transaction volume and count by currency, per account (1-minute and 1-hour windows) and platform-wide per minute. */
@NullMarked
package io.eventplatform.analytics.transactions;

import org.jspecify.annotations.NullMarked;
