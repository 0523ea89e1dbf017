package io.eventplatform.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.eventplatform.contract.Topics;
import io.eventplatform.k8s.ServiceModules.Service;
import io.eventplatform.support.kafka.replay.ReplayControlTopic;

/**
 * Each service's KafkaUser grants what its configuration says it does ({@code platform.kafka.produces/consumes}, its
 * consumer groups), and the ACLs stay least privilege: one writer per topic, no wildcards.
 */
class KafkaUsersGrantWhatTheCodeNeedsTests {

	/** Writes dead letters back to their original topics when an operator redrives them. */
	private static final String CONSOLE = "console";

	static Stream<String> layouts() {
		return Manifests.layouts();
	}

	/** One ACL entry, as Strimzi's simple authorization writes it. */
	record Acl(String user, String type, String name, String patternType, List<String> operations) {

		boolean covers(String resourceType, String resourceName) {
			return type.equals(resourceType) && (patternType.equals("prefix") ? resourceName.startsWith(name)
					: name.equals(resourceName));
		}

		boolean allows(String operation) {
			return operations.contains(operation) || operations.contains("All");
		}
	}

	@ParameterizedTest
	@MethodSource("layouts")
	void shouldGrantEveryServiceWritesToWhatItProducesOnly(String layout) {
		List<Acl> acls = acls(Manifests.of(layout));
		for (Service service : ServiceModules.all()) {
			for (String topic : service.produces()) {
				assertThat(acls).as("%s writes %s", service.name(), topic)
					.anyMatch(acl -> acl.user().equals(service.name()) && acl.covers("topic", topic)
							&& acl.allows("Write"));
			}
		}
	}

	@ParameterizedTest
	@MethodSource("layouts")
	void shouldGrantEveryConsumerItsTopicsItsGroupsAndItsDeadLetterTopics(String layout) {
		List<Acl> acls = acls(Manifests.of(layout));
		for (Service service : ServiceModules.all()) {
			for (String topic : service.consumes()) {
				assertThat(acls).as("%s reads %s", service.name(), topic)
					.anyMatch(acl -> acl.user().equals(service.name()) && acl.covers("topic", topic)
							&& acl.allows("Read"));
				String deadLetters = Topics.byName(topic).orElseThrow().deadLetterTopic();
				assertThat(acls).as("%s writes %s", service.name(), deadLetters)
					.anyMatch(acl -> acl.user().equals(service.name()) && acl.covers("topic", deadLetters)
							&& acl.allows("Write"));
			}
			if (!service.consumes().isEmpty()) {
				assertThat(service.groups()).as("consumer groups of %s", service.name()).isNotEmpty();
			}
			for (String group : service.groups()) {
				assertThat(acls).as("%s commits in group %s", service.name(), group)
					.anyMatch(acl -> acl.user().equals(service.name()) && acl.covers("group", group)
							&& acl.allows("Read"));
			}
		}
	}

	@ParameterizedTest
	@MethodSource("layouts")
	void shouldLetEveryServiceWithAReplayReadAndWriteItsOwnReplayControlTopicOnly(String layout) {
		List<Acl> acls = acls(Manifests.of(layout));
		for (Service service : ServiceModules.all()) {
			String topic = ReplayControlTopic.name(service.name());
			boolean replays = service.properties().containsKey("platform.kafka.replay.path");
			for (String operation : List.of("Read", "Write", "Describe")) {
				assertThat(acls.stream()
					.anyMatch(acl -> acl.user().equals(service.name()) && acl.covers("topic", topic)
							&& acl.allows(operation)))
					.as("%s may %s %s", service.name(), operation, topic)
					.isEqualTo(replays);
			}
			assertThat(acls).as("users other than %s on %s", service.name(), topic)
				.noneMatch(acl -> !acl.user().equals(service.name()) && acl.covers("topic", topic));
		}
	}

	@ParameterizedTest
	@MethodSource("layouts")
	void shouldLetOnlyTheProducingServiceWriteATopic(String layout) {
		List<Acl> acls = acls(Manifests.of(layout));
		for (var topic : Topics.all()) {
			List<String> writers = acls.stream()
				.filter(acl -> acl.covers("topic", topic.name()) && acl.allows("Write"))
				.map(Acl::user)
				.filter(user -> !user.equals(CONSOLE))
				.distinct()
				.toList();
			assertThat(writers).as("users that may write %s", topic.name()).hasSizeLessThanOrEqualTo(1);
			ServiceModules.all()
				.stream()
				.filter(service -> service.produces().contains(topic.name()))
				.forEach(producer -> assertThat(writers).containsExactly(producer.name()));
		}
	}

	/**
	 * The console writes a topic only to redrive its dead letters: never a dead-letter topic, never a topic without one
	 * (such as a Kafka Streams application's internal topics), and it commits in no group.
	 */
	@ParameterizedTest
	@MethodSource("layouts")
	void shouldLetTheConsoleWriteOnlyTheTopicsItRedrivesTo(String layout) {
		List<Acl> console = acls(Manifests.of(layout)).stream().filter(acl -> acl.user().equals(CONSOLE)).toList();
		Set<String> redriveTargets = Topics.all()
			.stream()
			.filter(topic -> console.stream().anyMatch(acl -> acl.covers("topic", topic.deadLetterTopic())))
			.map(topic -> topic.name())
			.collect(Collectors.toSet());

		assertThat(console).as("the console's ACLs").isNotEmpty();
		assertThat(console.stream().filter(acl -> acl.allows("Write")).map(Acl::name))
			.as("what the console may write")
			.allMatch(redriveTargets::contains);
		assertThat(console.stream().filter(acl -> acl.type().equals("group")))
			.as("the console describes groups, never commits in them")
			.allMatch(acl -> acl.operations().equals(List.of("Describe")));
	}

	@ParameterizedTest
	@MethodSource("layouts")
	void shouldNeverGrantWildcardsOrForeignPrefixes(String layout) {
		for (Acl acl : acls(Manifests.of(layout))) {
			if (acl.type().equals("cluster")) {
				// The cluster has no name; describing it (brokers, log dirs) is all any user may do with it.
				assertThat(acl.operations()).as("cluster ACL of %s", acl.user()).containsExactly("Describe");
				continue;
			}
			assertThat(acl.name()).as("ACL of %s", acl.user()).isNotIn("*", "");
			if (acl.patternType().equals("prefix") || acl.allows("All")) {
				// Only a Kafka Streams application's own internal topics and transactional ids.
				assertThat(acl.name()).as("prefix ACL of %s", acl.user()).startsWith(acl.user());
				assertThat(ServiceModules.named(acl.user()).properties().get("spring.kafka.streams.application-id"))
					.as("Kafka Streams application id of %s", acl.user())
					.isEqualTo(acl.user());
			}
		}
	}

	@ParameterizedTest
	@MethodSource("layouts")
	void shouldGiveEveryServiceTheCredentialsOfItsOwnUser(String layout) {
		Manifests manifests = Manifests.of(layout);
		for (Service service : ServiceModules.all()) {
			ObjectNode user = manifests.get("KafkaUser", service.name());
			assertThat(user.at("/spec/authentication/type").asText()).isEqualTo("scram-sha-512");
			assertThat(user.at("/spec/authorization/type").asText()).isEqualTo("simple");

			JsonNode jaas = Deployments.env(manifests.get("Deployment", service.module()))
				.get("SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG");
			assertThat(jaas).as("SASL config of %s", service.name()).isNotNull();
			assertThat(jaas.at("/valueFrom/secretKeyRef/name").asText()).isEqualTo(service.name());
			assertThat(jaas.at("/valueFrom/secretKeyRef/key").asText()).isEqualTo("sasl.jaas.config");
		}
	}

	@ParameterizedTest
	@MethodSource("layouts")
	void shouldLetTheLagReaderDescribeExactlyWhatTheScalersWatch(String layout) {
		Manifests manifests = Manifests.of(layout);
		List<JsonNode> triggers = new ArrayList<>();
		manifests.ofKind("ScaledObject").forEach(scaledObject -> scaledObject.at("/spec/triggers").forEach(triggers::add));
		if (triggers.isEmpty()) {
			return;
		}
		Set<String> lagReaders = new TreeSet<>();
		Set<String> watched = new TreeSet<>();
		for (JsonNode trigger : triggers) {
			lagReaders.add(lagReader(manifests, trigger));
			watched.add("group " + trigger.at("/metadata/consumerGroup").asText());
			watched.add("topic " + trigger.at("/metadata/topic").asText());
		}
		List<Acl> granted = acls(manifests).stream().filter(acl -> lagReaders.contains(acl.user())).toList();

		assertThat(lagReaders).as("users the scalers read the lag as").hasSize(1);
		assertThat(granted).as("the lag reader only describes, literally named resources")
			.allMatch(acl -> acl.operations().equals(List.of("Describe")) && acl.patternType().equals("literal"));
		Set<String> describable = granted.stream()
			.map(acl -> acl.type() + " " + acl.name())
			.collect(Collectors.toCollection(TreeSet::new));
		assertThat(describable).as("what the lag reader may describe").isEqualTo(watched);
	}

	/** The KafkaUser whose password the trigger's authentication takes. */
	private static String lagReader(Manifests manifests, JsonNode trigger) {
		ObjectNode authentication = manifests.get("TriggerAuthentication", trigger.at("/authenticationRef/name").asText());
		String secret = authentication.at("/spec/secretTargetRef").findValuesAsText("name").get(0);
		return manifests.ofKind("KafkaUser")
			.stream()
			.filter(user -> secret.equals(user.at("/spec/authentication/password/valueFrom/secretKeyRef/name").asText()))
			.map(Manifests::name)
			.findFirst()
			.orElseThrow(() -> new AssertionError("No KafkaUser takes its password from " + secret));
	}

	static List<Acl> acls(Manifests manifests) {
		List<Acl> acls = new ArrayList<>();
		for (ObjectNode user : manifests.ofKind("KafkaUser")) {
			for (JsonNode acl : user.at("/spec/authorization/acls")) {
				List<String> operations = new ArrayList<>();
				acl.path("operations").forEach(operation -> operations.add(operation.asText()));
				acls.add(new Acl(Manifests.name(user), acl.at("/resource/type").asText(),
						acl.at("/resource/name").asText(), acl.at("/resource/patternType").asText("literal"),
						operations));
			}
		}
		return acls;
	}
}
