/**
 * Every service validates the gateway's JWTs itself (defence in depth) and answers 401 and 403 as problem details.
 * Endpoints state the scope they need with {@code @PreAuthorize}.
 */
package io.eventplatform.support.security;
