/** registration-service: signs users up and tells the platform through {@code users.registered}. */
package io.eventplatform.registration;
