/** analytics-service: real-time aggregates of the platform's event streams, computed with Kafka Streams. */
@NullMarked
package io.eventplatform.analytics;

import org.jspecify.annotations.NullMarked;
