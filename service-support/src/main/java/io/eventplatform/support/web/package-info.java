/** Errors as RFC 9457 problem details that name each invalid field and the rule it broke. */
package io.eventplatform.support.web;
