package io.eventplatform.support.security;

import java.util.List;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.web.SecurityFilterChain;

/**
 * The chain that lets Prometheus scrape {@code /actuator/prometheus} without a token, on the separate management port
 * only. A type of its own, so that the platform's default API chain still applies when this is the only other chain.
 */
final class PrometheusScrapeSecurityFilterChain implements SecurityFilterChain {

	private final SecurityFilterChain delegate;

	PrometheusScrapeSecurityFilterChain(SecurityFilterChain delegate) {
		this.delegate = delegate;
	}

	@Override
	public boolean matches(HttpServletRequest request) {
		return delegate.matches(request);
	}

	@Override
	public List<Filter> getFilters() {
		return delegate.getFilters();
	}
}
