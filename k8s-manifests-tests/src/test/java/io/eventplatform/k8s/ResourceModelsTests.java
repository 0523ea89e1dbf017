package io.eventplatform.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.openshift.api.model.monitoring.v1.PodMonitor;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every object of every layout is a resource the cluster serves (Kubernetes 1.32's API versions, Strimzi's
 * kafka.strimzi.io/v1, Prometheus Operator's monitoring.coreos.com/v1, CloudNativePG's and KEDA's) and fits its model:
 * it reads into the typed model with no field left over (a misspelt field would be silently dropped by the API
 * server or refused by the operator), or, for the operators without a Java model, validates against a JSON Schema.
 */
class ResourceModelsTests {

	/** Kind, the API version served for it, and the typed model of it. */
	private static final Map<String, Model> MODELS = Map.ofEntries(Map.entry("Namespace", new Model("v1", Namespace.class)),
			Map.entry("ConfigMap", new Model("v1", ConfigMap.class)), Map.entry("Secret", new Model("v1", Secret.class)),
			Map.entry("Service", new Model("v1", Service.class)),
			Map.entry("Deployment", new Model("apps/v1", Deployment.class)),
			Map.entry("PodDisruptionBudget", new Model("policy/v1", PodDisruptionBudget.class)),
			Map.entry("HorizontalPodAutoscaler", new Model("autoscaling/v2", HorizontalPodAutoscaler.class)),
			Map.entry("NetworkPolicy", new Model("networking.k8s.io/v1", NetworkPolicy.class)),
			Map.entry("Ingress", new Model("networking.k8s.io/v1", Ingress.class)),
			Map.entry("Kafka", new Model("kafka.strimzi.io/v1", Kafka.class)),
			Map.entry("KafkaNodePool", new Model("kafka.strimzi.io/v1", KafkaNodePool.class)),
			Map.entry("KafkaTopic", new Model("kafka.strimzi.io/v1", KafkaTopic.class)),
			Map.entry("KafkaUser", new Model("kafka.strimzi.io/v1", KafkaUser.class)),
			Map.entry("PodMonitor", new Model("monitoring.coreos.com/v1", PodMonitor.class)),
			Map.entry("ServiceMonitor", new Model("monitoring.coreos.com/v1", ServiceMonitor.class)),
			Map.entry("PrometheusRule", new Model("monitoring.coreos.com/v1", PrometheusRule.class)),
			Map.entry("Cluster", new Model("postgresql.cnpg.io/v1", null)),
			Map.entry("Database", new Model("postgresql.cnpg.io/v1", null)),
			Map.entry("ScaledObject", new Model("keda.sh/v1alpha1", null)),
			Map.entry("TriggerAuthentication", new Model("keda.sh/v1alpha1", null)));

	private static final ObjectMapper JSON = new ObjectMapper()
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

	private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

	record Model(String apiVersion, Class<?> type) {
	}

	static Stream<String> layouts() {
		return Manifests.layouts();
	}

	@ParameterizedTest
	@MethodSource("layouts")
	void shouldUseOnlyServedApiVersions(String layout) {
		for (ObjectNode object : Manifests.of(layout).all()) {
			String kind = object.path("kind").asText();
			assertThat(MODELS).as("a model of %s", kind).containsKey(kind);
			assertThat(object.path("apiVersion").asText()).as("apiVersion of %s %s", kind, Manifests.name(object))
				.isEqualTo(MODELS.get(kind).apiVersion());
		}
	}

	@ParameterizedTest
	@MethodSource("layouts")
	void shouldFitTheResourceModelOfEveryObject(String layout) throws Exception {
		List<String> problems = new ArrayList<>();
		for (ObjectNode object : Manifests.of(layout).all()) {
			String what = object.path("kind").asText() + " " + Manifests.name(object);
			Model model = MODELS.get(object.path("kind").asText());
			if (model == null) {
				continue;
			}
			if (model.type() != null) {
				Object typed = JSON.treeToValue(object, model.type());
				unknownFields(typed, what, problems, new IdentityHashMap<>());
			}
			else {
				for (ValidationMessage message : schema(object).validate(object)) {
					problems.add(what + ": " + message.getMessage());
				}
			}
		}
		assertThat(problems).isEmpty();
	}

	@Test
	void shouldRefuseAMisspeltField() throws Exception {
		ObjectNode deployment = Manifests.of(Manifests.BASE_FILES).get("Deployment", "gateway").deepCopy();
		((ObjectNode) deployment.at("/spec/template/spec")).put("terminationGracePeriod", 30);
		ObjectNode scaledObject = (ObjectNode) Manifests.YAML.readTree("""
				apiVersion: keda.sh/v1alpha1
				kind: ScaledObject
				metadata: {name: x}
				spec:
				  scaleTargetRef: {name: x}
				  maxReplicas: 3
				  triggers: [{type: kafka, metadata: {lagThreshold: 100}}]
				""");
		List<String> problems = new ArrayList<>();

		unknownFields(JSON.treeToValue(deployment, Deployment.class), "Deployment gateway", problems,
				new IdentityHashMap<>());

		assertThat(problems).singleElement().asString().contains("terminationGracePeriod");
		assertThat(schema(scaledObject).validate(scaledObject)).extracting(ValidationMessage::getMessage)
			.anyMatch(message -> message.contains("maxReplicas"))
			.anyMatch(message -> message.contains("lagThreshold"));
	}

	private static JsonSchema schema(ObjectNode object) throws Exception {
		String resource = "/schemas/" + object.path("apiVersion").asText().replace('/', '-') + "-"
				+ object.path("kind").asText() + ".json";
		try (InputStream in = ResourceModelsTests.class.getResourceAsStream(resource)) {
			assertThat(in).as("schema %s", resource).isNotNull();
			return SCHEMAS.getSchema(in);
		}
	}

	/**
	 * Walks the typed object: fields the model does not know end up in an {@code additionalProperties} map; fields
	 * that Strimzi's v1 API removed are the deprecated ones of its (v1beta2 and v1) model.
	 */
	static void unknownFields(Object value, String path, List<String> problems, Map<Object, Boolean> seen) {
		if (value == null || seen.put(value, Boolean.TRUE) != null) {
			return;
		}
		if (value instanceof Collection<?> collection) {
			int i = 0;
			for (Object element : collection) {
				unknownFields(element, path + "[" + i++ + "]", problems, seen);
			}
			return;
		}
		if (value instanceof Map<?, ?> map) {
			map.forEach((key, element) -> unknownFields(element, path + "." + key, problems, seen));
			return;
		}
		String type = value.getClass().getName();
		if (!type.startsWith("io.fabric8.") && !type.startsWith("io.strimzi.")) {
			return;
		}
		for (Method getter : value.getClass().getMethods()) {
			if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
					|| !getter.getName().startsWith("get") || getter.getDeclaringClass() == Object.class) {
				continue;
			}
			Object property;
			try {
				property = getter.invoke(value);
			}
			catch (ReflectiveOperationException | RuntimeException ex) {
				continue;
			}
			if (getter.getName().equals("getAdditionalProperties")) {
				if (property instanceof Map<?, ?> extra && !extra.isEmpty()) {
					problems.add(path + ": unknown field(s) " + extra.keySet());
				}
				continue;
			}
			if (type.startsWith("io.strimzi.") && getter.isAnnotationPresent(Deprecated.class) && property != null
					&& !(property instanceof Collection<?> c && c.isEmpty())) {
				problems.add(path + "." + getter.getName() + ": removed from kafka.strimzi.io/v1");
			}
			unknownFields(property, path + "." + getter.getName().substring(3), problems, seen);
		}
	}

	static Set<String> kinds() {
		return MODELS.keySet();
	}
}
