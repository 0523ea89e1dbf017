/**
 * Every service validates the gateway's JWTs itself (defence in depth) and answers 401 and 403 as problem details;
 * endpoints state the scope they need with {@code @PreAuthorize}, and only Prometheus on the management port goes
 * without a token.
 */
@NullMarked
package io.eventplatform.support.security;

import org.jspecify.annotations.NullMarked;
