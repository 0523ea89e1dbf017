/** Registrations counted per country, from {@code users.registered}. */
@NullMarked
package io.eventplatform.analytics.registrations;

import org.jspecify.annotations.NullMarked;
