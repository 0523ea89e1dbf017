package io.eventplatform.benchmarks;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;

import io.eventplatform.architecture.PlatformRules;

/**
 * The rules this module's main code keeps (see {@code io.eventplatform.architecture} in event-contract's tests); not
 * the harness JMH generates from it.
 */
@AnalyzeClasses(packages = "io.eventplatform.benchmarks",
		importOptions = { ImportOption.DoNotIncludeTests.class, ArchitectureTests.NotJmhGenerated.class })
class ArchitectureTests {

	static final class NotJmhGenerated implements ImportOption {

		@Override
		public boolean includes(Location location) {
			return !location.contains("/jmh_generated/");
		}
	}

	@ArchTest
	static final ArchTests platformRules = ArchTests.in(PlatformRules.class);

}
