/** {@code GET /api/analytics/alerts/fraud}; {@code GET} and {@code PUT /api/analytics/fraud/rules}. */
@NullMarked
package io.eventplatform.analytics.fraud.web;

import org.jspecify.annotations.NullMarked;
