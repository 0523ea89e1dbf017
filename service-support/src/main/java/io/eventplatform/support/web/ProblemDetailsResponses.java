package io.eventplatform.support.web;

import java.io.IOException;
import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.http.server.ServletServerHttpResponse;

import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a {@link ProblemDetail} as {@code application/problem+json} where no handler method returns it: filters,
 * Spring Security's handlers, Tomcat's error valve. It writes with Spring MVC's own JSON converter and the
 * application's mapper, so the body is the one a controller's problem would have (extra properties such as
 * {@code maxBytes} or {@code errors} at the top level, as RFC 9457 has them).
 */
public final class ProblemDetailsResponses {

	private final JacksonJsonHttpMessageConverter converter;

	public ProblemDetailsResponses(JsonMapper jsonMapper) {
		// From a builder, so the converter adds ProblemDetail's mix-in whatever the mapper was built with.
		this.converter = new JacksonJsonHttpMessageConverter(jsonMapper.rebuild());
	}

	/** The problem, naming the request's path as its {@code instance} unless it names one already. */
	public void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
			throws IOException {
		if (problem.getInstance() == null) {
			problem.setInstance(URI.create(request.getRequestURI()));
		}
		write(response, problem);
	}

	/** The problem as it is: for a request whose path must not be echoed. */
	public void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
		response.setStatus(problem.getStatus());
		ServletServerHttpResponse output = new ServletServerHttpResponse(response);
		converter.write(problem, MediaType.APPLICATION_PROBLEM_JSON, output);
		output.flush();
	}

}
