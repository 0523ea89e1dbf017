/** Events about weather stations: their readings and the alerts raised on them. */
package io.eventplatform.contract.weather;
