package io.eventplatform.contract.gateway;

import java.util.Objects;

/**
 * The gateway answered an API call: web analytics, one event per call, keyed by {@link #clientId()} on
 * {@code gateway.requests}. Carries no personal data and no token.
 *
 * @param route the route's pattern (e.g. {@code /api/users/{id}}), not the concrete path
 */
public record GatewayRequestCompleted(String clientId, String method, String route, int status, long latencyMillis) {

	public GatewayRequestCompleted {
		Objects.requireNonNull(clientId, "clientId");
		Objects.requireNonNull(method, "method");
		Objects.requireNonNull(route, "route");
	}
}
