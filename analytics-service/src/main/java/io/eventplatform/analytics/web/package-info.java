/**
 * Web analytics of the gateway's request log ({@code gateway.requests}): calls, errors and latency percentiles per
 * route, per client and for the whole platform, per minute and per hour, and the alerts on failing or slow routes.
 */
@NullMarked
package io.eventplatform.analytics.web;

import org.jspecify.annotations.NullMarked;
