package io.eventplatform.support.web;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

import tools.jackson.databind.json.JsonMapper;

/**
 * What Tomcat answers itself, before any filter or servlet sees the request (a header larger than
 * {@code server.max-http-request-header-size}, an encoded {@code /} or {@code \} in the path, a malformed request
 * line), as {@code application/problem+json} instead of Tomcat's HTML page. It says only the status: the request
 * could not be parsed, so nothing of it is echoed.
 */
public class ProblemDetailsErrorReportValve extends ErrorReportValve {

	private final ProblemDetailsResponses problems;

	public ProblemDetailsErrorReportValve(JsonMapper jsonMapper) {
		this.problems = new ProblemDetailsResponses(jsonMapper);
	}

	/** For Tomcat, which can create the host's error valve by its class name. */
	public ProblemDetailsErrorReportValve() {
		this(JsonMapper.shared());
	}

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int status = response.getStatus();
		if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		AtomicBoolean ioAllowed = new AtomicBoolean(true);
		response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
		if (!ioAllowed.get()) {
			return;
		}
		HttpStatus known = HttpStatus.resolve(status);
		String title = known != null ? known.getReasonPhrase() : "Error";
		String detail = status == 400 ? "The request could not be parsed: a malformed request line or path "
				+ "(e.g. an encoded '/'), or headers larger than the server accepts"
				: status >= 500 ? "The request could not be completed" : title;
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(status), detail);
		problem.setTitle(title);
		try {
			problems.write(response, problem);
			response.finishResponse();
		}
		catch (IOException | IllegalStateException ex) {
			// The client is gone or the response was committed meanwhile; nothing more can be said.
		}
	}

}
