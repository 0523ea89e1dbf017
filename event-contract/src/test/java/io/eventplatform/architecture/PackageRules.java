package io.eventplatform.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.lang.ArchRule;

/**
 * The package rules every module keeps: packages by feature ({@code io.eventplatform.<module>.<feature>}) that do not
 * depend on each other in a circle, and a feature's web layer ({@code ..web..}) that nothing but another web layer
 * uses, so the domain never learns about HTTP.
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

	private PackageRules() {
	}
}
