package io.eventplatform.notification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistrar;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * A real SMTP server (GreenMail, in process, on a free loopback port) that takes the service's mail beside the
 * containers: for {@link TestNotificationServiceApplication} and the containers tests.
 */
@TestConfiguration(proxyBeanMethods = false)
public class MailServerConfiguration {

	@Bean(initMethod = "start", destroyMethod = "stop")
	GreenMail mailServer() {
		return new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
	}

	@Bean
	DynamicPropertyRegistrar mailServerProperties(GreenMail mailServer) {
		return registry -> {
			registry.add("spring.mail.host", () -> "127.0.0.1");
			registry.add("spring.mail.port", () -> mailServer.getSmtp().getPort());
		};
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
