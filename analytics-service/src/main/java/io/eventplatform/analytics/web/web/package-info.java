/** {@code GET /api/analytics/web/**}: the busiest and slowest routes, a route's series, a client's traffic, errors. */
@NullMarked
package io.eventplatform.analytics.web.web;

import org.jspecify.annotations.NullMarked;
