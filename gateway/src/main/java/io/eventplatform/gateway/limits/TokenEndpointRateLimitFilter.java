package io.eventplatform.gateway.limits;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.web.filter.OncePerRequestFilter;

import io.eventplatform.support.web.ProblemDetailsResponses;
import tools.jackson.databind.json.JsonMapper;

/**
 * Rate limits {@code POST /oauth2/token} before the client's secret is checked: one bucket per source address and one
 * per client id, each request taking a token from both. A brute-force of a client's secrets, from one address or from
 * many, gets 429 with {@code Retry-After} after a few dozen guesses a minute. The source address is the socket's
 * (the gateway takes no {@code X-Forwarded-For} at its word); IPv6 addresses count one by one.
 */
public class TokenEndpointRateLimitFilter extends OncePerRequestFilter {

	/** Every client id that is not registered shares this bucket, so inventing ids creates no buckets. */
	private static final String UNKNOWN_CLIENT = "";

	private final RateLimitProperties.TokenEndpoint limits;

	private final RegisteredClientRepository clients;

	private final ProblemDetailsResponses problems;

	private final Map<String, Bucket> clientBuckets = new ConcurrentHashMap<>();

	private final Cache<String, Bucket> addressBuckets;

	public TokenEndpointRateLimitFilter(RateLimitProperties.TokenEndpoint limits, RegisteredClientRepository clients,
			JsonMapper jsonMapper) {
		this.limits = limits;
		this.clients = clients;
		this.problems = new ProblemDetailsResponses(jsonMapper);
		// An address unseen for longer than its bucket takes to refill has a full bucket anyway.
		Duration refill = limits.perAddress().refillPeriod()
			.multipliedBy(Math.max(1, limits.perAddress().capacity() / Math.max(1, limits.perAddress().refillTokens())));
		this.addressBuckets = Caffeine.newBuilder()
			.maximumSize(limits.maxAddresses())
			.expireAfterAccess(refill.plus(limits.perAddress().refillPeriod()))
			.build();
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !"POST".equals(request.getMethod()) || !"/oauth2/token".equals(request.getRequestURI());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Bucket address = addressBuckets.get(request.getRemoteAddr(),
				key -> ClientRateLimitFilter.newBucket(limits.perAddress()));
		ConsumptionProbe byAddress = address.tryConsumeAndReturnRemaining(1);
		if (!byAddress.isConsumed()) {
			ClientRateLimitFilter.tooManyRequests(request, response, byAddress, problems,
					"Too many token requests from this address");
			return;
		}
		Bucket client = clientBuckets.computeIfAbsent(registeredClientId(request),
				key -> ClientRateLimitFilter.newBucket(limits.perClient()));
		ConsumptionProbe byClient = client.tryConsumeAndReturnRemaining(1);
		if (!byClient.isConsumed()) {
			ClientRateLimitFilter.tooManyRequests(request, response, byClient, problems,
					"Too many token requests for this client");
			return;
		}
		chain.doFilter(request, response);
	}

	/** The client id of HTTP Basic (form-encoded, RFC 6749 2.3.1) or of the form, if it is a registered one. */
	private String registeredClientId(HttpServletRequest request) {
		String clientId = null;
		String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
			try {
				String credentials = new String(Base64.getDecoder().decode(authorization.substring(6).strip()),
						StandardCharsets.UTF_8);
				int colon = credentials.indexOf(':');
				clientId = URLDecoder.decode(colon < 0 ? credentials : credentials.substring(0, colon),
						StandardCharsets.UTF_8);
			}
			catch (IllegalArgumentException ex) {
				return UNKNOWN_CLIENT;
			}
		}
		else {
			clientId = request.getParameter(OAuth2ParameterNames.CLIENT_ID);
		}
		if (clientId == null || clientId.isEmpty() || clientId.length() > 200) {
			return UNKNOWN_CLIENT;
		}
		return clients.findByClientId(clientId) != null ? clientId : UNKNOWN_CLIENT;
	}
}
