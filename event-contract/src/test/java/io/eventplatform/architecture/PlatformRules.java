package io.eventplatform.architecture;

import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Every rule each module's main code keeps, for {@code @ArchTest static final ArchTests rules =
 * ArchTests.in(PlatformRules.class)}: a rule added here applies to every module at once.
 */
public final class PlatformRules {

	@ArchTest
	static final ArchRule timeComesFromAnInjectedClock = TimeRules.TIME_COMES_FROM_AN_INJECTED_CLOCK;

	@ArchTest
	static final ArchRule featuresAreFreeOfCycles = PackageRules.FEATURES_ARE_FREE_OF_CYCLES;

	@ArchTest
	static final ArchRule onlyWebLayersUseWebLayers = PackageRules.ONLY_WEB_LAYERS_USE_WEB_LAYERS;

	@ArchTest
	static final ArchRule packagesAreNullMarked = PackageRules.PACKAGES_ARE_NULL_MARKED;

	private PlatformRules() {
	}
}
