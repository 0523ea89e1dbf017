package io.eventplatform.local;

/**
 * The OAuth2 clients the gateway registers for development, unless its configuration overrides them.
 */
final class DevClients {

	/** Every API scope except {@code platform:admin}. */
	static final String DEMO_CLIENT_ID = "demo-client";

	static final String DEMO_CLIENT_SECRET = "demo-secret";

	/** Every API scope including {@code platform:admin}. */
	static final String ADMIN_CLIENT_ID = "platform-admin";

	static final String ADMIN_CLIENT_SECRET = "admin-secret";

	private DevClients() {
	}

}
