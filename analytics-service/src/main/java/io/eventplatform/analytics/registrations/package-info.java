/** Registrations counted per country, from {@code users.registered}. */
package io.eventplatform.analytics.registrations;
