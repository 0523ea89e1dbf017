package io.eventplatform.local;

import java.util.List;

import io.eventplatform.local.monitoring.LocalMonitoring;

/**
 * What the terminal shows once the platform is up: where things are and a first request to try.
 */
final class StartupSummary {

	private StartupSummary() {
	}

	static List<String> lines(LocalPlatform platform) {
		PlatformSettings settings = platform.settings();
		String gateway = platform.gatewayUrl().toString();
		String mail = "http://localhost:" + settings.mailApiPort() + "/messages";
		if (settings.gatewayExposed()) {
			return List.of("", //
					"The event platform is up.", //
					"", //
					"  Gateway        " + gateway + " (listening on " + settings.gatewayAddress()
							+ "; development secrets refused)", //
					"  Console        " + gateway + "/console/", //
					"  Kafka          " + platform.kafkaBootstrapServers(), //
					"  Logs           " + settings.logsDir() + "/<part>.log", //
					"  Received mail  curl -s " + mail, //
					"");
		}
		return List.of("", //
				"The event platform is up.", //
				"", //
				"  Gateway        " + gateway, //
				// The loopback address, not localhost: the authorisation server takes any port there.
				"  Console        http://127.0.0.1:" + settings.gatewayPort() + "/console/   sign in as "
						+ DevClients.OPERATOR + " / " + DevClients.OPERATOR_PASSWORD + " (or " + DevClients.VIEWER
						+ " / " + DevClients.VIEWER_PASSWORD + ")", //
				"  Clients        " + DevClients.DEMO_CLIENT_ID + " / " + DevClients.DEMO_CLIENT_SECRET
						+ "       every API scope except platform:admin", //
				"                 " + DevClients.ADMIN_CLIENT_ID + " / " + DevClients.ADMIN_CLIENT_SECRET
						+ "   every API scope and platform:admin", //
				"  Kafka          " + platform.kafkaBootstrapServers(), //
				"  Logs           " + settings.logsDir() + "/<part>.log", //
				"  Received mail  curl -s " + mail, //
				"  Metrics        " + (settings.monitoring().enabled()
						? "Prometheus http://localhost:" + settings.monitoring().prometheus()
								+ " (alerts by mail to " + LocalMonitoring.OPERATIONS_ADDRESS + ")"
						: "each service's /actuator/prometheus on its management port (9080 to 9087)"), //
				"", //
				"Try:", //
				"  TOKEN=$(curl -s -u " + DevClients.DEMO_CLIENT_ID + ":" + DevClients.DEMO_CLIENT_SECRET
						+ " -d grant_type=client_credentials " + gateway
						+ "/oauth2/token | sed -E 's/.*\"access_token\":\"([^\"]+)\".*/\\1/')", //
				"  curl -i -H \"Authorization: Bearer $TOKEN\" -H 'Content-Type: application/json' "
						+ "-d '{\"email\":\"ada@example.com\",\"displayName\":\"Ada Lovelace\",\"country\":\"GB\"}' "
						+ gateway + "/api/users", //
				"");
	}

}
