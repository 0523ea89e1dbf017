/** What every page shares: the signed-in person in the model, readable error pages, problem details for API-ish calls. */
@NullMarked
package io.eventplatform.console.web;

import org.jspecify.annotations.NullMarked;
