/** The platform at a glance: events per input topic per minute. */
@NullMarked
package io.eventplatform.analytics.overview;

import org.jspecify.annotations.NullMarked;
