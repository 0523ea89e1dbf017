package io.eventplatform.support.security;

import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;

/**
 * The port the management server actually listens on (also when configured as 0), learnt from its start. A request
 * counts as a management request only by the local port it arrived on: a path alone could be reached through the
 * public port, and a header could be forged.
 */
final class ManagementPort implements ApplicationListener<WebServerInitializedEvent> {

	static final String SERVER_NAMESPACE = "management";

	private final AtomicInteger port = new AtomicInteger(-1);

	@Override
	public void onApplicationEvent(WebServerInitializedEvent event) {
		if (SERVER_NAMESPACE.equals(event.getApplicationContext().getServerNamespace())) {
			port.set(event.getWebServer().getPort());
		}
	}

	boolean received(HttpServletRequest request) {
		return port.get() > 0 && request.getLocalPort() == port.get();
	}
}
