package io.eventplatform.contract.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EventTimesTests {

	@ParameterizedTest
	@ValueSource(strings = { "2026-11-21T10:15:30Z", "2026-11-21T10:15:30.1Z", "2026-11-21T10:15:30.12Z",
			"2026-11-21T10:15:30.123Z", "2026-11-21T10:15:30.123400Z", "2026-11-21T10:15:30.123456789Z",
			"2024-02-29T23:59:59.999999999Z", "1970-01-01T00:00:00Z", "0001-01-01T00:00:00Z",
			"2026-11-21T10:15:30+01:00", "2026-11-21T10:15:30.5-05:30", "2026-11-21t10:15:30z",
			"+12026-11-21T10:15:30Z", "2026-11-21T10:15:30.Z" })
	void shouldReadEveryTimestampAsTheJdkDoes(String text) {
		assertThat(EventTimes.parse(text)).isEqualTo(OffsetDateTime.parse(text).toInstant());
	}

	@ParameterizedTest
	@ValueSource(strings = { "2026-02-29T10:15:30Z", "2026-13-01T10:15:30Z", "2026-11-31T10:15:30Z",
			"2026-11-21T24:00:00Z", "2026-11-21T10:60:00Z", "2026-11-21T10:15:60Z",
			"2026-11-21T10:15:30.1234567890Z", "2026-11-21T10:15:3aZ", "2026-11-21 10:15:30Z", "2026-11-21T10:15:30",
			"2026-1-21T10:15:30Z", "", "yesterday" })
	void shouldRejectWhatTheJdkRejects(String text) {
		assertThatExceptionOfType(DateTimeParseException.class).isThrownBy(() -> OffsetDateTime.parse(text));
		assertThatExceptionOfType(DateTimeParseException.class).isThrownBy(() -> EventTimes.parse(text));
	}

	@Test
	void shouldReadWhatAnInstantPrints() {
		Instant instant = Instant.parse("2026-11-21T10:15:30.000000001Z");
		for (long step = 1; step < 1_000_000_000L; step *= 7) {
			Instant next = instant.plusNanos(step);
			assertThat(EventTimes.parse(next.toString())).isEqualTo(next);
		}
	}
}
