/** Constraints on request fields that every service shares: the bounds of event times. */
package io.eventplatform.support.validation;
