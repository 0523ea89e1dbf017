/** Constraints on request fields that every service shares: the bounds of event times. */
@NullMarked
package io.eventplatform.support.validation;

import org.jspecify.annotations.NullMarked;
