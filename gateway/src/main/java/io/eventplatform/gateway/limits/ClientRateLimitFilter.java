package io.eventplatform.gateway.limits;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

import io.eventplatform.support.web.ProblemDetailsResponses;
import tools.jackson.databind.json.JsonMapper;

/**
 * Takes one token from the calling client's bucket for every API call, once the token is validated (so the limit is
 * per client, and an unauthenticated flood is refused by authentication first). An empty bucket answers 429 with
 * {@code Retry-After}: the seconds until the next call would be allowed. Buckets live in this instance's memory; with
 * several gateway instances each enforces its own share.
 * <p>
 * Hand-written: Spring Cloud Gateway Server MVC's {@code Bucket4jFilterFunctions.rateLimit} needs a distributed
 * bucket4j {@code AsyncProxyManager}, is a per-route filter and answers a bare status without a problem body or
 * {@code Retry-After}.
 */
public class ClientRateLimitFilter extends OncePerRequestFilter {

	private final RateLimitProperties limits;

	private final ProblemDetailsResponses problems;

	private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

	public ClientRateLimitFilter(RateLimitProperties limits, JsonMapper jsonMapper) {
		this.limits = limits;
		this.problems = new ProblemDetailsResponses(jsonMapper);
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !request.getRequestURI().startsWith("/api/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication instanceof JwtAuthenticationToken token) {
			String clientId = token.getToken().getClaimAsString("client_id") != null
					? token.getToken().getClaimAsString("client_id") : token.getName();
			ConsumptionProbe probe = buckets.computeIfAbsent(clientId, this::newBucket).tryConsumeAndReturnRemaining(1);
			if (!probe.isConsumed()) {
				tooManyRequests(request, response, probe);
				return;
			}
			response.setHeader("RateLimit-Remaining", Long.toString(probe.getRemainingTokens()));
		}
		chain.doFilter(request, response);
	}

	private Bucket newBucket(String clientId) {
		return newBucket(limits.of(clientId));
	}

	static Bucket newBucket(RateLimitProperties.Limit limit) {
		return Bucket.builder()
			.addLimit(Bandwidth.builder()
				.capacity(limit.capacity())
				.refillGreedy(limit.refillTokens(), limit.refillPeriod())
				.build())
			.build();
	}

	private void tooManyRequests(HttpServletRequest request, HttpServletResponse response, ConsumptionProbe probe)
			throws IOException {
		tooManyRequests(request, response, probe, problems, "This client made more calls than its rate limit allows");
	}

	/** 429 problem details with {@code Retry-After}: the whole seconds until the bucket has a token again. */
	static void tooManyRequests(HttpServletRequest request, HttpServletResponse response, ConsumptionProbe probe,
			ProblemDetailsResponses problems, String reason) throws IOException {
		long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
				reason + "; retry after " + seconds + " s");
		problem.setTitle("Rate limit exceeded");
		response.setHeader("Retry-After", Long.toString(seconds));
		problems.write(request, response, problem);
	}
}
