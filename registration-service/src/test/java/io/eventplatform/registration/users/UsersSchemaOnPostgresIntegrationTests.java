package io.eventplatform.registration.users;

import java.util.List;

import io.eventplatform.support.testing.SchemaOnPostgresTest;

class UsersSchemaOnPostgresIntegrationTests extends SchemaOnPostgresTest {

	@Override
	protected List<String> tables() {
		return List.of("users");
	}
}
