/** Rate limits per client: a token bucket each, configured per client, answered with 429 and Retry-After. */
@NullMarked
package io.eventplatform.gateway.limits;

import org.jspecify.annotations.NullMarked;
