/**
 * Every service's API description: the gateway's token flow with the platform's scopes, and on each operation the
 * scope its {@code @PreAuthorize} requires.
 */
@NullMarked
package io.eventplatform.support.openapi;

import org.jspecify.annotations.NullMarked;
