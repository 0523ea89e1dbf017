package io.eventplatform.transactions.ledger;

import java.util.List;

import io.eventplatform.support.testing.SchemaOnPostgresTest;

class LedgerSchemaOnPostgresIntegrationTests extends SchemaOnPostgresTest {

	@Override
	protected List<String> tables() {
		return List.of("transactions", "idempotency_keys");
	}
}
