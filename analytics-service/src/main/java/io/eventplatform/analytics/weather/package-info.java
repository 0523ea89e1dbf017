/** Weather per station: hourly statistics, the latest reading, and alerts on extreme values and silent stations. */
@NullMarked
package io.eventplatform.analytics.weather;

import org.jspecify.annotations.NullMarked;
