package io.eventplatform.console.trend;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.eventplatform.console.ConsoleProperties;

/**
 * Samples every topic's end offsets and every consumer group's lag on a schedule, into one bounded ring each, so the
 * overview can draw a produce rate and the groups page a lag trend without a metrics system. Times come from the
 * injected {@link Clock}. Kept in memory only: a restart starts the charts afresh.
 */
@Component
public class OffsetTrends {

	private static final Logger log = LoggerFactory.getLogger(OffsetTrends.class);

	private final Admin admin;

	private final Clock clock;

	private final int capacity;

	private final Map<String, Ring> endOffsets = new ConcurrentHashMap<>();

	private final Map<String, Ring> lags = new ConcurrentHashMap<>();

	OffsetTrends(Admin admin, Clock clock, ConsoleProperties properties) {
		this.admin = admin;
		this.clock = clock;
		this.capacity = properties.sampling().samples();
	}

	@Scheduled(initialDelay = 1_000, fixedDelayString = "${platform.console.sampling.interval:10s}")
	void scheduledSample() {
		try {
			sample();
		}
		catch (Exception ex) {
			// The broker may be away; the next sample tries again, the charts show a gap.
			log.debug("Could not sample offsets: {}", ex.toString());
		}
	}

	/** Takes one sample of every topic's end offsets and every group's lag. */
	public void sample() throws Exception {
		var now = clock.instant();
		Set<String> topics = admin.listTopics().names().get(10, TimeUnit.SECONDS);
		Map<String, TopicDescription> descriptions = admin.describeTopics(topics).allTopicNames().get(10, TimeUnit.SECONDS);
		Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
		descriptions.values()
			.forEach(topic -> topic.partitions()
				.forEach(partition -> latest.put(new TopicPartition(topic.name(), partition.partition()), OffsetSpec.latest())));
		Map<TopicPartition, ListOffsetsResultInfo> ends = admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS);
		Map<String, Long> perTopic = ends.entrySet()
			.stream()
			.collect(Collectors.groupingBy(entry -> entry.getKey().topic(),
					Collectors.summingLong(entry -> entry.getValue().offset())));
		perTopic.forEach((topic, sum) -> endOffsets.computeIfAbsent(topic, name -> new Ring(capacity)).add(now, sum));
		for (GroupListing group : admin.listGroups(ListGroupsOptions.forConsumerGroups()).all().get(10, TimeUnit.SECONDS)) {
			Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group.groupId())
				.partitionsToOffsetAndMetadata()
				.get(10, TimeUnit.SECONDS);
			lags.computeIfAbsent(group.groupId(), name -> new Ring(capacity)).add(now, lag(committed, ends));
		}
	}

	static long lag(Map<TopicPartition, OffsetAndMetadata> committed, Map<TopicPartition, ListOffsetsResultInfo> ends) {
		long lag = 0;
		for (var entry : committed.entrySet()) {
			ListOffsetsResultInfo end = ends.get(entry.getKey());
			if (end != null && entry.getValue() != null) {
				lag += Math.max(0, end.offset() - entry.getValue().offset());
			}
		}
		return lag;
	}

	/** Records a second written to the topic, between consecutive samples. */
	public Series produceRate(String topic) {
		Ring ring = endOffsets.get(topic);
		if (ring == null) {
			return Series.empty();
		}
		List<Ring.Sample> samples = ring.samples();
		List<Long> times = new ArrayList<>();
		List<Double> values = new ArrayList<>();
		for (int i = 1; i < samples.size(); i++) {
			Ring.Sample before = samples.get(i - 1);
			Ring.Sample after = samples.get(i);
			double seconds = Duration.between(before.time(), after.time()).toMillis() / 1000.0;
			if (seconds > 0) {
				times.add(after.time().getEpochSecond());
				values.add(Math.max(0, after.value() - before.value()) / seconds);
			}
		}
		return new Series(times, values);
	}

	/** The group's total lag at each sample. */
	public Series lag(String group) {
		Ring ring = lags.get(group);
		if (ring == null) {
			return Series.empty();
		}
		List<Ring.Sample> samples = ring.samples();
		return new Series(samples.stream().map(sample -> sample.time().getEpochSecond()).toList(),
				samples.stream().map(sample -> (double) sample.value()).toList());
	}
}
