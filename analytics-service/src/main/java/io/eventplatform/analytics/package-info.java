/** analytics-service: real-time aggregates of the platform's event streams, computed with Kafka Streams. */
package io.eventplatform.analytics;
