/** {@code GET /api/analytics/registrations}. */
@NullMarked
package io.eventplatform.analytics.registrations.web;

import org.jspecify.annotations.NullMarked;
