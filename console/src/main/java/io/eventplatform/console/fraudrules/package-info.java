/** The fraud rules of analytics-service, shown and changed at run time. */
@NullMarked
package io.eventplatform.console.fraudrules;

import org.jspecify.annotations.NullMarked;
