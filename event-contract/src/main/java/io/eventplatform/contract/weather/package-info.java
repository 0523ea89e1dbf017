/** Events about weather stations: their readings and the alerts raised on them. */
@NullMarked
package io.eventplatform.contract.weather;

import org.jspecify.annotations.NullMarked;
