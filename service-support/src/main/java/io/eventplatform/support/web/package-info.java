/** Errors as RFC 9457 problem details that name each invalid field and the rule it broke. */
@NullMarked
package io.eventplatform.support.web;

import org.jspecify.annotations.NullMarked;
