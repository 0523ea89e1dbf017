package io.eventplatform.gateway.routing;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;

import org.apache.hc.client5.http.ConnectTimeoutException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.cloud.gateway.server.mvc.common.MvcUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Turns a failed call to a service into the answer a client can act on: 503 when the service cannot be reached (retry
 * later), 504 when it did not answer in time (the outcome is unknown), 502 for any other broken exchange. The body is
 * a problem detail that names neither host nor port: the exception messages do, so they go to the log only.
 */
final class DownstreamFailures {

	private static final Logger log = LoggerFactory.getLogger(DownstreamFailures.class);

	private DownstreamFailures() {
	}

	/**
	 * Whether the failure happened on the way to or from the service (Spring's HTTP clients report those as I/O
	 * errors, usually wrapped in a {@code ResourceAccessException}).
	 */
	static boolean isDownstreamFailure(Throwable failure) {
		return causeOfType(failure, IOException.class) != null;
	}

	static ServerResponse toProblemResponse(Throwable failure, ServerRequest request) {
		HttpStatus status = statusFor(failure);
		String route = request.attribute(MvcUtils.GATEWAY_ROUTE_ID_ATTR).map(Object::toString).orElse("unknown");
		log.warn("Route {} answered {} to {} {}: {} (root cause {})", route, status.value(), request.method(),
				request.path(), failure.getMessage(), rootCause(failure).toString());
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detailFor(status));
		problem.setInstance(URI.create(request.uri().getRawPath()));
		return ServerResponse.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	static HttpStatus statusFor(Throwable failure) {
		// A connect timeout is also a timeout, but it means the service is unreachable, not slow: test it first.
		if (causeOfType(failure, HttpConnectTimeoutException.class) != null
				|| causeOfType(failure, ConnectTimeoutException.class) != null
				|| causeOfType(failure, ConnectException.class) != null
				|| causeOfType(failure, NoRouteToHostException.class) != null
				|| causeOfType(failure, UnknownHostException.class) != null) {
			return HttpStatus.SERVICE_UNAVAILABLE;
		}
		if (causeOfType(failure, HttpTimeoutException.class) != null
				|| causeOfType(failure, SocketTimeoutException.class) != null) {
			return HttpStatus.GATEWAY_TIMEOUT;
		}
		return HttpStatus.BAD_GATEWAY;
	}

	private static String detailFor(HttpStatus status) {
		return switch (status) {
			case SERVICE_UNAVAILABLE -> "The service behind this path cannot be reached right now. Try again later.";
			case GATEWAY_TIMEOUT -> "The service behind this path did not answer in time. The request may or may not "
					+ "have taken effect.";
			default -> "The service behind this path gave no valid answer.";
		};
	}

	private static <T extends Throwable> @Nullable T causeOfType(Throwable failure, Class<T> type) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return type.cast(cause);
			}
		}
		return null;
	}

	private static Throwable rootCause(Throwable failure) {
		Throwable root = failure;
		while (root.getCause() != null) {
			root = root.getCause();
		}
		return root;
	}

}
