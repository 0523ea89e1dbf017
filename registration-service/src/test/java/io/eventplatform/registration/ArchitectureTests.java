package io.eventplatform.registration;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import io.eventplatform.architecture.PackageRules;
import io.eventplatform.architecture.TimeRules;

/** The rules this module's main code keeps (see {@code io.eventplatform.architecture} in event-contract's tests). */
@AnalyzeClasses(packages = "io.eventplatform.registration", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

	@ArchTest
	static final ArchRule timeComesFromAnInjectedClock = TimeRules.TIME_COMES_FROM_AN_INJECTED_CLOCK;

	@ArchTest
	static final ArchRule featuresAreFreeOfCycles = PackageRules.FEATURES_ARE_FREE_OF_CYCLES;

	@ArchTest
	static final ArchRule onlyWebLayersUseWebLayers = PackageRules.ONLY_WEB_LAYERS_USE_WEB_LAYERS;

}
