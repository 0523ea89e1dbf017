package io.eventplatform.weather;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** The service's clock stopped at {@link #NOW}, so rules relative to "now" can be tested at their exact boundary. */
@TestConfiguration(proxyBeanMethods = false)
public class PinnedClock {

	public static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");

	@Bean
	@Primary
	Clock pinnedClock() {
		return Clock.fixed(NOW, ZoneOffset.UTC);
	}
}
