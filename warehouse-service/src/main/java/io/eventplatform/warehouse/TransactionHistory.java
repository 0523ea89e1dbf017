package io.eventplatform.warehouse;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import io.eventplatform.contract.transactions.Direction;
import io.eventplatform.contract.transactions.TransactionRecorded;

/** Table {@code transactions}: one row per {@link TransactionRecorded}. */
@Repository
public class TransactionHistory extends WarehouseTable<TransactionRecorded> {

	/** A transaction as the warehouse keeps it; the amount is a JSON string in the currency's scale, as on the topic. */
	public record StoredTransaction(@JsonUnwrapped StoredEvent event, UUID transactionId, String accountId,
			@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount, String currency, Direction direction,
			String merchant, String merchantCountry, Instant occurredAt) {
	}

	TransactionHistory(JdbcTemplate jdbc) {
		super(jdbc, "transactions",
				"transaction_id, account_id, amount, currency, direction, merchant, merchant_country, occurred_at");
	}

	@Override
	void bind(PreparedStatement statement, int first, TransactionRecorded transaction) throws SQLException {
		statement.setObject(first, transaction.transactionId());
		statement.setString(first + 1, transaction.accountId());
		statement.setBigDecimal(first + 2, transaction.amount());
		statement.setString(first + 3, transaction.currency());
		statement.setString(first + 4, transaction.direction().name());
		statement.setString(first + 5, transaction.merchant());
		statement.setString(first + 6, transaction.merchantCountry());
		statement.setObject(first + 7, utc(transaction.occurredAt()));
	}

	/** The account's transactions that occurred in [from, to), newest first; {@code null} leaves a bound open. */
	public HistoryPage<StoredTransaction> ofAccount(String accountId, Instant from, Instant to, int page, int size) {
		return page("account_id = ?", List.of(accountId), "occurred_at", from, to, page, size,
				(row, number) -> new StoredTransaction(metadata(row), row.getObject("transaction_id", UUID.class),
						row.getString("account_id"),
						inCurrencyScale(row.getBigDecimal("amount"), row.getString("currency")),
						row.getString("currency"), Direction.valueOf(row.getString("direction")),
						row.getString("merchant"), row.getString("merchant_country"), instant(row, "occurred_at")));
	}

	/** The column keeps four decimals (the most any currency has); the API answers as the event said it. */
	private static BigDecimal inCurrencyScale(BigDecimal amount, String currency) {
		try {
			int digits = Currency.getInstance(currency).getDefaultFractionDigits();
			return digits < 0 ? amount.stripTrailingZeros() : amount.setScale(digits, RoundingMode.UNNECESSARY);
		}
		catch (IllegalArgumentException | ArithmeticException ex) {
			return amount.stripTrailingZeros();
		}
	}
}
