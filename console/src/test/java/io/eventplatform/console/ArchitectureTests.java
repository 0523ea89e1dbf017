package io.eventplatform.console;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;

import io.eventplatform.architecture.PlatformRules;

/** The rules this module's main code keeps (see {@code io.eventplatform.architecture} in event-contract's tests). */
@AnalyzeClasses(packages = "io.eventplatform.console", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

	@ArchTest
	static final ArchTests platformRules = ArchTests.in(PlatformRules.class);

}
