package io.eventplatform.contract.transactions;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonFormat;

/**
 * A bank transaction was recorded. Keyed by {@link #accountId()} on {@code transactions.recorded}, so the
 * transactions of one account keep their order.
 *
 * @param amount a decimal with the currency's scale; a JSON string on the wire, never a floating-point number
 */
public record TransactionRecorded(UUID transactionId, String accountId,
		@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount, String currency, Direction direction,
		String merchant, String merchantCountry, Instant occurredAt) {

	public TransactionRecorded {
		Objects.requireNonNull(transactionId, "transactionId");
		Objects.requireNonNull(accountId, "accountId");
		Objects.requireNonNull(amount, "amount");
		Objects.requireNonNull(currency, "currency");
		Objects.requireNonNull(direction, "direction");
		Objects.requireNonNull(merchant, "merchant");
		Objects.requireNonNull(merchantCountry, "merchantCountry");
		Objects.requireNonNull(occurredAt, "occurredAt");
	}
}
