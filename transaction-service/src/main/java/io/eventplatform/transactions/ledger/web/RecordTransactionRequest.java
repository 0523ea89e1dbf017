package io.eventplatform.transactions.ledger.web;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.eventplatform.contract.transactions.Direction;
import io.eventplatform.support.validation.NotBefore;
import io.eventplatform.support.web.PlainText;
import io.eventplatform.transactions.ledger.Money;
import io.eventplatform.transactions.ledger.TransactionRecording.Recording;
import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * The body of {@code POST /api/transactions}. The amount is positive (the direction says which way the money went)
 * and has at most as many decimals as its currency has minor units.
 */
record RecordTransactionRequest(
		@Schema(example = "ACC-1001") @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._-]*",
				message = "may hold only letters, digits, '.', '_' and '-'") String accountId,
		@Schema(example = "12.50", description = "A decimal in a JSON string, never a JSON number") @NotNull @Pattern(
				regexp = "\\d{1,15}(\\.\\d{1,4})?", message = "must be a positive decimal such as \"12.50\"")
		@JsonDeserialize(using = DecimalString.class) String amount,
		@Schema(example = "EUR") @NotNull @Pattern(regexp = "[A-Z]{3}",
				message = "must be an ISO 4217 currency code") String currency,
		@Schema(example = "DEBIT") @NotNull Direction direction,
		@Schema(example = "Coffee Corner") @NotBlank @Size(max = 100) @Pattern(regexp = PlainText.PATTERN,
				message = PlainText.MESSAGE) String merchant,
		@Schema(example = "DE") @NotNull @Pattern(regexp = "[A-Z]{2}",
				message = "must be an ISO 3166-1 alpha-2 country code") String merchantCountry,
		// Clocks drift: a few minutes ahead is tolerated, a transaction from tomorrow is not.
		@Schema(example = "2026-11-21T10:15:30Z", description = "From 2000-01-01T00:00:00Z to 5 minutes ahead of "
				+ "the service's clock") @NotNull @NotBefore @PastOrPresent Instant occurredAt) {

	@AssertTrue(message = "must be a known ISO 4217 currency code")
	boolean isCurrencyKnown() {
		return currency == null || !currency.matches("[A-Z]{3}") || Money.minorUnits(currency) >= 0;
	}

	@AssertTrue(message = "has more decimals than the currency allows")
	boolean isAmountInCurrencyScale() {
		if (amount == null || !amount.matches("\\d{1,15}(\\.\\d{1,4})?") || Money.minorUnits(currency) < 0) {
			return true;
		}
		return new BigDecimal(amount).scale() <= Money.minorUnits(currency);
	}

	@AssertTrue(message = "must be more than zero")
	boolean isAmountPositive() {
		return amount == null || !amount.matches("\\d{1,15}(\\.\\d{1,4})?") || new BigDecimal(amount).signum() > 0;
	}

	Recording toRecording() {
		return new Recording(accountId, new BigDecimal(amount), currency, direction, merchant.strip(), merchantCountry,
				occurredAt);
	}
}
