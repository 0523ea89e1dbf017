/**
 * Web analytics: one {@code GatewayRequestCompleted} event on {@code gateway.requests} per API call, sent off the
 * request thread so that Kafka never slows or fails a call.
 */
@NullMarked
package io.eventplatform.gateway.analytics;

import org.jspecify.annotations.NullMarked;
