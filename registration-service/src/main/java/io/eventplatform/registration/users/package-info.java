/** Users and their registration; registering stores the user and its {@code UserRegistered} event in one transaction. */
package io.eventplatform.registration.users;
