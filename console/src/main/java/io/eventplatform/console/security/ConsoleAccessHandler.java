package io.eventplatform.console.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

import tools.jackson.databind.json.JsonMapper;

/**
 * A person in a browser is sent to sign in, or shown the readable error page; a script, an htmx request or an
 * {@code /api/} call gets RFC 9457 problem details instead.
 */
final class ConsoleAccessHandler implements AuthenticationEntryPoint, AccessDeniedHandler {

	private final JsonMapper json;

	private final String loginPath;

	ConsoleAccessHandler(JsonMapper json, String loginPath) {
		this.json = json;
		this.loginPath = loginPath;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
			throws IOException {
		if (ApiRequests.isApi(request)) {
			problem(response, HttpStatus.UNAUTHORIZED, "Sign in at " + request.getContextPath() + loginPath);
			return;
		}
		response.sendRedirect(request.getContextPath() + loginPath);
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex)
			throws IOException {
		if (ApiRequests.isApi(request)) {
			problem(response, HttpStatus.FORBIDDEN, "This needs the operator role (or a valid CSRF token)");
			return;
		}
		response.sendError(HttpStatus.FORBIDDEN.value(), "This needs the operator role");
	}

	private void problem(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		json.writeValue(response.getOutputStream(), ProblemDetail.forStatusAndDetail(status, detail));
	}
}
