package io.eventplatform.console.live;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What the live page's consumer keeps (in memory only) and how it pushes.
 *
 * @param alerts fraud alerts kept, newest first
 * @param alertsHistory fraud alerts read back per partition at start, so the page has history
 * @param transactions transactions remembered (by id) to show the amounts behind an alert
 * @param transactionsHistory transactions read back per partition at start
 * @param stations station ids remembered, the most recently seen first
 * @param stationsHistory weather readings read back per partition at start
 * @param refresh how often the consumer looks for topics and partitions that were not there before
 * @param heartbeat between two comments on an open stream, below the gateway's read timeout (10 s)
 * @param streamTimeout after which a stream is closed (the browser reconnects and misses nothing)
 * @param maxStreams open streams at most; one more is refused with 503
 */
@ConfigurationProperties("platform.console.live")
public record LiveProperties(@DefaultValue("50") int alerts, @DefaultValue("50") int alertsHistory,
		@DefaultValue("10000") int transactions, @DefaultValue("500") int transactionsHistory,
		@DefaultValue("50") int stations, @DefaultValue("100") int stationsHistory,
		@DefaultValue("30s") Duration refresh, @DefaultValue("5s") Duration heartbeat,
		@DefaultValue("30m") Duration streamTimeout, @DefaultValue("100") int maxStreams) {
}
