package io.eventplatform.gateway.routing;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.cloud.gateway.server.mvc.filter.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.function.ServerRequest;

/**
 * Tells each service the address the client used ({@code X-Forwarded-Proto}, {@code -Host}, {@code -Port},
 * {@code -For}), so that links and {@code Location} headers it builds point at the gateway.
 * <p>
 * Gateway Server MVC adds these headers only for remote addresses matching
 * {@code spring.cloud.gateway.server.webmvc.trusted-proxies} and strips them otherwise. This gateway is the edge, so
 * it writes them for every client, but from what the server itself resolved, never from headers the client sent:
 * whether a proxy in front of the gateway is believed is decided once, by {@code server.forward-headers-strategy}
 * (Boot turns it on for Kubernetes).
 */
@Component
class ClientFacingForwardedHeaders implements HttpHeadersFilter.RequestHttpHeadersFilter, Ordered {

	@Override
	public HttpHeaders apply(HttpHeaders input, ServerRequest request) {
		HttpServletRequest servletRequest = request.servletRequest();
		HttpHeaders headers = new HttpHeaders();
		input.forEach((name, values) -> {
			if (!isForwardingHeader(name)) {
				headers.addAll(name, values);
			}
		});
		String scheme = servletRequest.getScheme();
		int port = servletRequest.getServerPort();
		headers.set("X-Forwarded-Proto", scheme);
		headers.set("X-Forwarded-Host", isDefaultPort(scheme, port) ? servletRequest.getServerName()
				: servletRequest.getServerName() + ":" + port);
		headers.set("X-Forwarded-Port", String.valueOf(port));
		headers.set("X-Forwarded-For", servletRequest.getRemoteAddr());
		return headers;
	}

	/**
	 * After the gateway's own header filters, so that nothing they do can bring client-supplied values back.
	 */
	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

	private static boolean isForwardingHeader(String name) {
		String lowerCase = name.toLowerCase(Locale.ROOT);
		return lowerCase.startsWith("x-forwarded-") || lowerCase.equals("forwarded");
	}

	private static boolean isDefaultPort(String scheme, int port) {
		return ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
	}

}
