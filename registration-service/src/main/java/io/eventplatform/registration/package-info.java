/** registration-service: signs users up and tells the platform through {@code users.registered}. */
@NullMarked
package io.eventplatform.registration;

import org.jspecify.annotations.NullMarked;
