/** {@code GET /api/analytics/alerts/fraud}. */
@NullMarked
package io.eventplatform.analytics.fraud.web;

import org.jspecify.annotations.NullMarked;
