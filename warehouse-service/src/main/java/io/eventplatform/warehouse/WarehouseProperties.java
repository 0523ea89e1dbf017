package io.eventplatform.warehouse;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the warehouse reads its topics.
 *
 * @param maxPollRecords the most records one poll, hence one database transaction, takes per listener
 * @param concurrency consumers per topic (each takes some of the topic's partitions)
 */
@ConfigurationProperties("platform.warehouse")
record WarehouseProperties(@DefaultValue("2000") int maxPollRecords, @DefaultValue("1") int concurrency) {
}
