/**
 * Fixture of {@code PackageRulesTests}: a feature package that is {@code @NullMarked}, as every package of main code
 * must be ({@code archfixture.orders} is not).
 */
@NullMarked
package io.eventplatform.archfixture.billing;

import org.jspecify.annotations.NullMarked;
