/** What every topology of the service shares: the event serde, de-duplication by event id, and health. */
package io.eventplatform.analytics.streams;
