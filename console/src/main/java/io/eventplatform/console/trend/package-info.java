/** End offsets and consumer lag sampled on a schedule into bounded in-memory rings, for rates and trends. */
@NullMarked
package io.eventplatform.console.trend;

import org.jspecify.annotations.NullMarked;
