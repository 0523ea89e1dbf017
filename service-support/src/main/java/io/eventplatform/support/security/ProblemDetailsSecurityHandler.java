package io.eventplatform.support.security;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

import io.eventplatform.support.web.ProblemDetailsResponses;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers 401 and 403 as {@code application/problem+json} like every other error of the platform, after Spring
 * Security's bearer-token handlers have set the status and the {@code WWW-Authenticate} header (RFC 6750) that OAuth2
 * clients rely on.
 */
public class ProblemDetailsSecurityHandler
		implements AuthenticationEntryPoint, AccessDeniedHandler, RequestRejectedHandler {

	private final AuthenticationEntryPoint bearerEntryPoint = new BearerTokenAuthenticationEntryPoint();

	private final AccessDeniedHandler bearerAccessDeniedHandler = new BearerTokenAccessDeniedHandler();

	private final ProblemDetailsResponses problems;

	public ProblemDetailsSecurityHandler(JsonMapper jsonMapper) {
		this.problems = new ProblemDetailsResponses(jsonMapper);
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
			throws IOException, ServletException {
		bearerEntryPoint.commence(request, response, failure);
		write(request, response, HttpStatus.UNAUTHORIZED, "A valid bearer token is required.");
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
			throws IOException, ServletException {
		bearerAccessDeniedHandler.handle(request, response, denied);
		write(request, response, HttpStatus.FORBIDDEN, "The token does not grant the scope this request needs.");
	}

	/**
	 * Spring Security's firewall refused the request before any chain ran (a path that is not normalised, with
	 * {@code ;}, {@code //}, {@code ..} or an encoded {@code %}, or a header with control characters); without this it
	 * would end in the servlet container's error page.
	 */
	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejected)
			throws IOException {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"The request's path or headers hold characters or sequences that are not allowed");
		problem.setTitle("Request rejected");
		problems.write(response, problem);
	}

	private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
			throws IOException {
		problems.write(request, response, ProblemDetail.forStatusAndDetail(status, detail));
	}

}
