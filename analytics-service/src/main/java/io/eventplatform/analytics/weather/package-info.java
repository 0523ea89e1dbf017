/** Weather per station: hourly statistics, the latest reading, and alerts on extreme values and silent stations. */
package io.eventplatform.analytics.weather;
