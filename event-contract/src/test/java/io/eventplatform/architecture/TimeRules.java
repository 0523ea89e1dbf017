package io.eventplatform.architecture;

import java.util.List;
import java.util.Set;

import com.tngtech.archunit.core.domain.AccessTarget.CodeUnitAccessTarget;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

/**
 * Time comes from an injected {@link java.time.Clock}: a service has one {@code Clock} bean and passes it on, a
 * command-line tool picks its clock in {@code main}. Code that asks the wall clock itself ({@code Instant.now()},
 * {@code System.currentTimeMillis()}, {@code new Date()}, ...) works on the day its test was written and breaks on
 * another, because the test pinned a clock that this code never sees. Durations measured with
 * {@code System.nanoTime()} are not dates and stay allowed.
 */
public final class TimeRules {

	private static final Set<String> DATE_TIME_TYPES = Set.of("java.time.Instant", "java.time.LocalDate",
			"java.time.LocalDateTime", "java.time.LocalTime", "java.time.OffsetDateTime", "java.time.OffsetTime",
			"java.time.ZonedDateTime", "java.time.Year", "java.time.YearMonth", "java.time.MonthDay");

	private static final Set<String> SYSTEM_CLOCKS = Set.of("systemUTC", "systemDefaultZone", "system");

	/** The only places that may choose the system clock: a {@code @Bean} method, or a tool's {@code main}. */
	private static final String BEAN = "org.springframework.context.annotation.Bean";

	public static final ArchRule TIME_COMES_FROM_AN_INJECTED_CLOCK = classes().should(leaveTheWallClockAlone())
		.as("no main code reads the wall clock behind the back of an injected java.time.Clock")
		.because("a test pins time through the Clock bean; code that reads the wall clock itself passes only on the "
				+ "day its test was written");

	private TimeRules() {
	}

	private static ArchCondition<JavaClass> leaveTheWallClockAlone() {
		return new ArchCondition<>("not read the wall clock") {
			@Override
			public void check(JavaClass type, ConditionEvents events) {
				// Calls and method references (Instant::now) alike.
				for (JavaAccess<?> access : type.getCodeUnitAccessesFromSelf()) {
					if (readsTheWallClock(access)) {
						events.add(SimpleConditionEvent.violated(access, access.getDescription()));
					}
				}
			}
		};
	}

	static boolean readsTheWallClock(JavaAccess<?> access) {
		if (!(access.getTarget() instanceof CodeUnitAccessTarget target)) {
			return false;
		}
		String owner = target.getOwner().getName();
		String name = target.getName();
		List<String> parameters = target.getRawParameterTypes().stream().map(JavaClass::getName).toList();
		if (DATE_TIME_TYPES.contains(owner) && name.equals("now")) {
			return !parameters.equals(List.of("java.time.Clock"));
		}
		if (owner.equals("java.lang.System") && name.equals("currentTimeMillis")) {
			return true;
		}
		if ((owner.equals("java.util.Date") || owner.equals("java.util.GregorianCalendar"))
				&& name.equals("<init>") && parameters.isEmpty()) {
			return true;
		}
		if (owner.equals("java.util.Calendar") && name.equals("getInstance")) {
			return true;
		}
		if (owner.equals("java.time.Clock") && SYSTEM_CLOCKS.contains(name)) {
			return !choosesTheClock(access.getOrigin());
		}
		return false;
	}

	private static boolean choosesTheClock(JavaCodeUnit origin) {
		boolean main = origin.getName().equals("main") && origin.getModifiers().contains(JavaModifier.STATIC)
				&& origin.getRawParameterTypes().size() == 1
				&& origin.getRawParameterTypes().get(0).getName().equals(String[].class.getName());
		return main || origin.isAnnotatedWith(BEAN);
	}

}
