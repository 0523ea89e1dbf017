/** What every topology of the service shares: the event serde, de-duplication by event id, and health. */
@NullMarked
package io.eventplatform.analytics.streams;

import org.jspecify.annotations.NullMarked;
