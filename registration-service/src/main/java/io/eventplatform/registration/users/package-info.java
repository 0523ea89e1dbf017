/** Users and their registration; registering stores the user and its {@code UserRegistered} event in one transaction. */
@NullMarked
package io.eventplatform.registration.users;

import org.jspecify.annotations.NullMarked;
