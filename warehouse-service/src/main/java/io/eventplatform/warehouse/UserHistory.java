package io.eventplatform.warehouse;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import io.eventplatform.contract.users.UserRegistered;
import io.eventplatform.support.access.PersonalData;

/** Table {@code users}: one row per {@link UserRegistered}. */
@Repository
public class UserHistory extends WarehouseTable<UserRegistered> {

	/** A registration as the warehouse keeps it; its event time is when the user registered. */
	public record StoredUser(@JsonUnwrapped StoredEvent event, UUID userId, String email, String displayName,
			String country, boolean marketingConsent) {

		/** What a client without {@code platform:admin} sees: e-mail and name masked, the rest as it is. */
		public StoredUser masked() {
			return new StoredUser(event, userId, PersonalData.maskEmail(email), PersonalData.maskName(displayName),
					country, marketingConsent);
		}
	}

	UserHistory(JdbcTemplate jdbc) {
		super(jdbc, "users", "user_id, email, display_name, country, marketing_consent");
	}

	@Override
	void bind(PreparedStatement statement, int first, UserRegistered user) throws SQLException {
		statement.setObject(first, user.userId());
		statement.setString(first + 1, user.email());
		statement.setString(first + 2, user.displayName());
		statement.setString(first + 3, user.country());
		statement.setBoolean(first + 4, user.marketingConsent());
	}

	/** The users of a country who registered in [from, to), newest first; {@code null} leaves a bound open. */
	public HistoryPage<StoredUser> ofCountry(String country, Instant from, Instant to, int page, int size) {
		return page("country = ?", List.of(country), "event_time", from, to, page, size,
				(row, number) -> new StoredUser(metadata(row), row.getObject("user_id", UUID.class),
						row.getString("email"), row.getString("display_name"), row.getString("country"),
						row.getBoolean("marketing_consent")));
	}
}
