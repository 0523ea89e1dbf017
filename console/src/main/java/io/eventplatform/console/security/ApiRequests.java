package io.eventplatform.console.security;

import jakarta.servlet.http.HttpServletRequest;

/** Which requests are made by scripts rather than by a person's browser navigating. */
public final class ApiRequests {

	private ApiRequests() {
	}

	public static boolean isApi(HttpServletRequest request) {
		String accept = request.getHeader("Accept");
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return path.startsWith("/api/") || request.getHeader("HX-Request") != null
				|| (accept != null && !accept.contains("text/html") && accept.contains("json"));
	}
}
