package io.eventplatform.contract.transactions;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A fraud rule fired for an account. Keyed by {@link #accountId()} on {@code transactions.fraud-alerts}.
 *
 * @param rule the name of the rule, e.g. {@code amount-above-threshold}
 * @param transactionIds the transactions that made the rule fire
 * @param explanation what happened, for a human reader
 */
public record FraudSuspected(String accountId, String rule, List<UUID> transactionIds, String explanation) {

	public FraudSuspected {
		Objects.requireNonNull(accountId, "accountId");
		Objects.requireNonNull(rule, "rule");
		Objects.requireNonNull(explanation, "explanation");
		transactionIds = List.copyOf(Objects.requireNonNull(transactionIds, "transactionIds"));
	}
}
