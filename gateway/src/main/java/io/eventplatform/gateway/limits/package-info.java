/** Rate limits per client: a token bucket each, configured per client, answered with 429 and Retry-After. */
package io.eventplatform.gateway.limits;
