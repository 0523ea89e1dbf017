package io.eventplatform.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.jspecify.annotations.NullMarked;

/**
 * The package rules every module keeps: packages by feature ({@code io.eventplatform.<module>.<feature>}) that do not
 * depend on each other in a circle, and a feature's web layer ({@code ..web..}) that nothing but another web layer
 * uses, so the domain never learns about HTTP. Every package is {@code @NullMarked}, so that NullAway checks it.
 */
public final class PackageRules {

	public static final ArchRule FEATURES_ARE_FREE_OF_CYCLES = slices().matching("io.eventplatform.*.(*)..")
		.should()
		.beFreeOfCycles()
		.as("feature packages do not depend on each other in a circle");

	public static final ArchRule ONLY_WEB_LAYERS_USE_WEB_LAYERS = noClasses().that()
		.resideOutsideOfPackage("..web..")
		.should()
		.dependOnClassesThat()
		.resideInAPackage("io.eventplatform.*.*.web..")
		.as("only a web layer uses a feature's web layer")
		.because("controllers, requests and responses are the outside of a feature; its domain does not know them");

	public static final ArchRule PACKAGES_ARE_NULL_MARKED = classes().should(resideInANullMarkedPackage())
		.as("every package is @NullMarked")
		.because("NullAway checks @NullMarked code only: a package without it would compile with no null check");

	private PackageRules() {
	}

	private static ArchCondition<JavaClass> resideInANullMarkedPackage() {
		return new ArchCondition<>("reside in a package annotated with @NullMarked") {
			@Override
			public void check(JavaClass type, ConditionEvents events) {
				if (!type.getPackage().isAnnotatedWith(NullMarked.class)) {
					events.add(SimpleConditionEvent.violated(type, type.getName() + " is in package "
							+ type.getPackageName() + ", whose package-info.java lacks @NullMarked"));
				}
			}
		};
	}
}
