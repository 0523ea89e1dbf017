package io.eventplatform.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.eventplatform.contract.Topic;
import io.eventplatform.contract.Topics;
import io.eventplatform.local.kafka.KafkaCluster;
import io.eventplatform.support.kafka.replay.ReplayControlTopic;

/**
 * The KafkaTopic resources declare exactly the topics of {@link Topics}, the dead-letter topics of those that are not
 * compacted and the replay-control topic of each service with a replay endpoint, with the same layout as the code.
 */
class KafkaTopicsMatchTheContractTests {

	static java.util.stream.Stream<String> layouts() {
		return Manifests.layouts();
	}

	@ParameterizedTest
	@MethodSource("layouts")
	void shouldDeclareEveryTopicOfTheContractAndItsDeadLetterTopicUnlessCompactedAndNothingElse(String layout) {
		Set<String> expected = new TreeSet<>();
		Topics.all().forEach(topic -> {
			expected.add(topic.name());
			// A compacted topic holds a state that is read as a table, never by a listener that could dead-letter.
			if (!topic.compacted()) {
				expected.add(topic.deadLetterTopic());
			}
		});
		expected.addAll(replayControlTopics());

		Set<String> declared = Manifests.of(layout)
			.ofKind("KafkaTopic")
			.stream()
			.map(KafkaTopicsMatchTheContractTests::topicName)
			.collect(Collectors.toCollection(TreeSet::new));

		assertThat(declared).isEqualTo(expected);
	}

	@ParameterizedTest
	@MethodSource("layouts")
	void shouldGiveEachTopicThePartitionsAndRetentionOfTheContract(String layout) {
		for (ObjectNode resource : Manifests.of(layout).ofKind("KafkaTopic")) {
			String name = topicName(resource);
			JsonNode spec = resource.get("spec");
			if (replayControlTopics().contains(name)) {
				assertThat(spec.path("partitions").asInt()).as("partitions of %s", name)
					.isEqualTo(ReplayControlTopic.PARTITIONS);
				ReplayControlTopic.CONFIG.forEach((key, value) -> assertThat(spec.path("config").path(key).asText())
					.as("%s of %s", key, name)
					.isEqualTo(value));
				continue;
			}
			Topic<?> topic = Topics.byName(name.replaceFirst("-dlt$", "")).orElseThrow();

			assertThat(spec.path("partitions").asInt()).as("partitions of %s", name).isEqualTo(topic.partitions());
			topic.config()
				.forEach((key, value) -> assertThat(spec.path("config").path(key).asText()).as("%s of %s", key, name)
					.isEqualTo(value));
			assertThat(resource.path("metadata").path("labels").path("strimzi.io/cluster").asText())
				.isEqualTo("event-platform");
		}
	}

	@ParameterizedTest
	@MethodSource("layouts")
	void shouldLetOnlyTheTopicOperatorCreateTopics(String layout) {
		Manifests manifests = Manifests.of(layout);

		assertThat(manifests.get("Kafka", "event-platform").at("/spec/kafka/config/auto.create.topics.enable").asBoolean(true))
			.isFalse();
		assertThat(manifests.configMap("platform-config").at("/data/SPRING_KAFKA_ADMIN_AUTO_CREATE").asText())
			.isEqualTo("false");
	}

	@ParameterizedTest
	@MethodSource("io.eventplatform.k8s.Manifests#overlays")
	void shouldReplicateEveryTopicToEveryBrokerUpToThreeWithTwoInSyncInProduction(String overlay) {
		Manifests manifests = Manifests.rendered(overlay);
		int brokers = manifests.ofKind("KafkaNodePool")
			.stream()
			.filter(pool -> pool.at("/spec/roles").toString().contains("broker"))
			.mapToInt(pool -> pool.at("/spec/replicas").asInt())
			.sum();
		int replicas = Math.min(brokers, 3);
		int minInSync = replicas == 3 ? 2 : 1;
		JsonNode kafkaConfig = manifests.get("Kafka", "event-platform").at("/spec/kafka/config");

		assertThat(brokers).as("brokers").isEqualTo(overlay.equals("prod") ? 3 : 1);
		for (ObjectNode topic : manifests.ofKind("KafkaTopic")) {
			assertThat(topic.at("/spec/replicas").asInt()).as("replicas of %s", topicName(topic)).isEqualTo(replicas);
			assertThat(topic.at("/spec/config/min.insync.replicas").asInt(kafkaConfig.path("min.insync.replicas").asInt()))
				.as("min.insync.replicas of %s", topicName(topic))
				.isEqualTo(minInSync);
		}
		for (String key : new String[] { "default.replication.factor", "offsets.topic.replication.factor",
				"transaction.state.log.replication.factor" }) {
			assertThat(kafkaConfig.path(key).asInt()).as(key).isEqualTo(replicas);
		}
		assertThat(kafkaConfig.path("min.insync.replicas").asInt()).isEqualTo(minInSync);
		assertThat(kafkaConfig.path("transaction.state.log.min.isr").asInt()).isEqualTo(minInSync);
		// As the local cluster of the same size that the tests prove (./run.sh --brokers 3)
		KafkaCluster local = KafkaCluster.of(Path.of("kafka"), IntStream.range(0, 2 * brokers).map(i -> 9092 + i).toArray());
		local.replicationSettings()
			.entrySet()
			.stream()
			// Share groups (KIP-932) are not used by the platform: Strimzi's defaults stand.
			.filter(setting -> !setting.getKey().startsWith("share."))
			.forEach(setting -> assertThat(kafkaConfig.path(setting.getKey()).asText()).as(setting.getKey())
				.isEqualTo(setting.getValue()));
	}

	/** {@code <service>.replay-control} of every service that has a replay endpoint. */
	static Set<String> replayControlTopics() {
		return ServiceModules.all()
			.stream()
			.filter(service -> service.properties().containsKey("platform.kafka.replay.path"))
			.map(service -> ReplayControlTopic.name(service.name()))
			.collect(Collectors.toCollection(TreeSet::new));
	}

	static String topicName(JsonNode resource) {
		return resource.at("/spec/topicName").asText(Manifests.name(resource));
	}
}
