/** {@code GET /api/analytics/overview}. */
@NullMarked
package io.eventplatform.analytics.overview.web;

import org.jspecify.annotations.NullMarked;
