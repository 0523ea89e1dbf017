package io.eventplatform.gateway.analytics;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;

import io.eventplatform.contract.gateway.GatewayRequestCompleted;

/**
 * Wraps every API call, outside Spring Security, so that refused calls (401, 403, 429, 413) are counted too. It
 * records the route's pattern ({@code /api/users/**}), never the concrete path, which may carry ids; the client id
 * is the token's {@code client_id}, or {@code anonymous} for a call without a valid token.
 */
public class RequestAnalyticsFilter extends OncePerRequestFilter {

	static final String CLIENT_ID = RequestAnalyticsFilter.class.getName() + ".clientId";

	static final String ANONYMOUS = "anonymous";

	static final String UNROUTED = "unrouted";

	private final RequestEventSender sender;

	RequestAnalyticsFilter(RequestEventSender sender) {
		this.sender = sender;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !request.getRequestURI().startsWith("/api/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long started = System.nanoTime();
		boolean failed = true;
		try {
			chain.doFilter(request, response);
			failed = false;
		}
		finally {
			long latencyMillis = (System.nanoTime() - started) / 1_000_000;
			int status = failed && response.getStatus() < 400 ? 500 : response.getStatus();
			sender.send(new GatewayRequestCompleted(clientId(request), request.getMethod(), route(request), status,
					latencyMillis));
		}
	}

	/**
	 * Belongs inside the security filter chain, right after the token is validated: the security context is cleared
	 * before control comes back to the analytics filter, so the client id travels as a request attribute.
	 */
	public static final class AuthenticatedClient extends OncePerRequestFilter {

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
			if (authentication instanceof JwtAuthenticationToken token) {
				String clientId = token.getToken().getClaimAsString("client_id");
				request.setAttribute(CLIENT_ID, clientId != null ? clientId : token.getName());
			}
			chain.doFilter(request, response);
		}

	}

	private static String clientId(HttpServletRequest request) {
		Object clientId = request.getAttribute(CLIENT_ID);
		return clientId != null ? clientId.toString() : ANONYMOUS;
	}

	private static String route(HttpServletRequest request) {
		// Set by the gateway's routes; absent when the call was refused before it reached one.
		Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
		return pattern != null ? pattern.toString() : UNROUTED;
	}

}
