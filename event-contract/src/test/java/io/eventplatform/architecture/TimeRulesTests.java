package io.eventplatform.architecture;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.function.Supplier;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TimeRulesTests {

	@Test
	void shouldRefuseEveryWayOfReadingTheWallClock() {
		EvaluationResult result = evaluate(ReadsTheWallClock.class);

		assertThat(result.getFailureReport().getDetails()).hasSize(6)
			.anyMatch(line -> line.contains("calls method <java.time.Instant.now()>"))
			.anyMatch(line -> line.contains("calls method <java.time.LocalDate.now()>"))
			.anyMatch(line -> line.contains("calls method <java.lang.System.currentTimeMillis()>"))
			.anyMatch(line -> line.contains("calls constructor <java.util.Date.<init>()>"))
			.anyMatch(line -> line.contains("calls method <java.time.Clock.systemUTC()>"))
			.anyMatch(line -> line.contains("references method <java.time.Instant.now()>"));
	}

	@Test
	void shouldAcceptTimeFromAnInjectedClockAndAClockChosenInMain() {
		assertThat(evaluate(TakesAClock.class).hasViolation()).isFalse();
	}

	private static EvaluationResult evaluate(Class<?> type) {
		JavaClasses classes = new ClassFileImporter().importClasses(type);
		return TimeRules.TIME_COMES_FROM_AN_INJECTED_CLOCK.evaluate(classes);
	}

	@SuppressWarnings("unused")
	static class ReadsTheWallClock {

		Object[] now() {
			Supplier<Instant> later = Instant::now;
			return new Object[] { Instant.now(), LocalDate.now(), System.currentTimeMillis(), new Date(),
					Clock.systemUTC(), later };
		}

	}

	@SuppressWarnings("unused")
	static class TakesAClock {

		private final Clock clock;

		TakesAClock(Clock clock) {
			this.clock = clock;
		}

		Object[] now() {
			return new Object[] { clock.instant(), Instant.now(clock), LocalDate.now(clock), System.nanoTime(),
					new Date(clock.millis()) };
		}

		public static void main(String[] args) {
			new TakesAClock(Clock.systemUTC()).now();
		}

	}

}
