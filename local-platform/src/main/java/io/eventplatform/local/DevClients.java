package io.eventplatform.local;

/**
 * The OAuth2 clients the gateway registers for development, and the people who sign in to the console, unless its
 * configuration overrides them.
 */
final class DevClients {

	/** Every API scope except {@code platform:admin}. */
	static final String DEMO_CLIENT_ID = "demo-client";

	static final String DEMO_CLIENT_SECRET = "demo-secret";

	/** Every API scope including {@code platform:admin}. */
	static final String ADMIN_CLIENT_ID = "platform-admin";

	static final String ADMIN_CLIENT_SECRET = "admin-secret";

	/** Signs in to the console and may act: rewind, redrive, discard, change the fraud rules. */
	static final String OPERATOR = "operator";

	static final String OPERATOR_PASSWORD = "operator-password";

	/** Signs in to the console and reads, personal data masked. */
	static final String VIEWER = "viewer";

	static final String VIEWER_PASSWORD = "viewer-password";

	private DevClients() {
	}

}
