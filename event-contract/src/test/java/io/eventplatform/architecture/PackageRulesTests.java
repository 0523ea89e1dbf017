package io.eventplatform.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

import io.eventplatform.archfixture.billing.Invoice;
import io.eventplatform.archfixture.orders.Order;
import io.eventplatform.archfixture.orders.web.OrderResponse;

class PackageRulesTests {

	private final JavaClasses fixture = new ClassFileImporter().importClasses(Order.class, OrderResponse.class,
			Invoice.class);

	@Test
	void shouldRefuseFeaturesThatDependOnEachOtherInACircle() {
		assertThat(PackageRules.FEATURES_ARE_FREE_OF_CYCLES.evaluate(fixture).getFailureReport().getDetails())
			.anyMatch(line -> line.startsWith("Cycle detected: Slice ") && line.contains("Slice billing")
					&& line.contains("Slice orders"));
	}

	@Test
	void shouldRefuseADomainThatKnowsItsWebLayer() {
		assertThat(PackageRules.ONLY_WEB_LAYERS_USE_WEB_LAYERS.evaluate(fixture).getFailureReport().getDetails())
			.anyMatch(line -> line.contains(Order.class.getName()) && line.contains(OrderResponse.class.getName()));
	}

	@Test
	void shouldAcceptAWebLayerThatUsesItsDomain() {
		JavaClasses layered = new ClassFileImporter().importClasses(OrderResponse.class, Invoice.class);
		assertThat(PackageRules.ONLY_WEB_LAYERS_USE_WEB_LAYERS.evaluate(layered).hasViolation()).isFalse();
	}

	@Test
	void shouldRefuseAPackageThatIsNotNullMarked() {
		// Whole packages, so that their package-info classes (and the annotations on them) are imported too.
		JavaClasses packages = new ClassFileImporter().importPackagesOf(Order.class, Invoice.class);

		assertThat(PackageRules.PACKAGES_ARE_NULL_MARKED.evaluate(packages).getFailureReport().getDetails())
			.anyMatch(line -> line.contains(Order.class.getName()) && line.contains("lacks @NullMarked"))
			.anyMatch(line -> line.contains(OrderResponse.class.getName()))
			.noneMatch(line -> line.contains(Invoice.class.getName()));
	}

	@Test
	void shouldAcceptANullMarkedPackage() {
		JavaClasses billing = new ClassFileImporter().importPackagesOf(Invoice.class);
		assertThat(PackageRules.PACKAGES_ARE_NULL_MARKED.evaluate(billing).hasViolation()).isFalse();
	}
}
