package io.eventplatform.notification;

import java.util.List;

import io.eventplatform.support.testing.SchemaOnPostgresTest;

public class NotificationSchemaOnPostgresIntegrationTests extends SchemaOnPostgresTest {

	@Override
	protected List<String> tables() {
		return List.of("notification_deliveries", "alert_windows", "subscriptions", "opt_outs");
	}
}
