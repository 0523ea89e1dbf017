package io.eventplatform.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The objects of one layout of {@code k8s/}: an overlay as {@code kubectl kustomize} renders it, or the base's files
 * as they are (so the checks that need no rendering also run where kubectl is missing).
 */
final class Manifests {

	static final Path ROOT = Path.of(System.getProperty("repository.root", "..")).toAbsolutePath().normalize();

	static final Path K8S = ROOT.resolve("k8s");

	static final String NAMESPACE = "event-platform";

	static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

	/** The base's files without kustomize; every overlay rendered. */
	static final String BASE_FILES = "base files";

	private static final Map<String, List<ObjectNode>> RENDERED = new ConcurrentHashMap<>();

	/** The kubectl to run; {@code -Dk8s.kubectl=/no/such/file} shows what the build does on a machine without it. */
	private static final String KUBECTL = System.getProperty("k8s.kubectl", "kubectl");

	private static volatile Boolean kubectl;

	private final String layout;

	private final List<ObjectNode> objects;

	private Manifests(String layout, List<ObjectNode> objects) {
		this.layout = layout;
		this.objects = objects;
	}

	/** Every overlay directory, so a new overlay is checked without a change here. */
	static List<String> overlays() {
		try (Stream<Path> dirs = Files.list(K8S.resolve("overlays"))) {
			return dirs.filter(Files::isDirectory).map(dir -> dir.getFileName().toString()).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The base's files, then every overlay: the argument source of the checks that hold for each. */
	static Stream<String> layouts() {
		return Stream.concat(Stream.of(BASE_FILES), overlays().stream());
	}

	static Manifests of(String layout) {
		return layout.equals(BASE_FILES) ? new Manifests(layout, baseFiles()) : rendered(layout);
	}

	/** An overlay as kustomize renders it; the test is skipped, saying why, where kubectl is not installed. */
	static Manifests rendered(String overlay) {
		assumeTrue(kubectlInstalled(), "kubectl (with kustomize) is not installed: the overlay '" + overlay
				+ "' cannot be rendered here. The checks of the base files still ran; install kubectl to check overlays.");
		return new Manifests(overlay, RENDERED.computeIfAbsent(overlay, Manifests::kustomize));
	}

	static boolean kubectlInstalled() {
		if (kubectl == null) {
			try {
				Process process = new ProcessBuilder(KUBECTL, "version", "--client").redirectErrorStream(true).start();
				process.getInputStream().readAllBytes();
				kubectl = process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
			}
			catch (IOException ex) {
				kubectl = false;
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				kubectl = false;
			}
		}
		return kubectl;
	}

	private static List<ObjectNode> kustomize(String overlay) {
		try {
			Process process = new ProcessBuilder(KUBECTL, "kustomize", K8S.resolve("overlays").resolve(overlay).toString())
				.start();
			byte[] stdout = process.getInputStream().readAllBytes();
			String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
			assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
			assertThat(process.exitValue()).as("kubectl kustomize k8s/overlays/%s failed: %s", overlay, stderr).isZero();
			return parse(new String(stdout, StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The base's resource files, plus the ConfigMaps its generators would make from literals (without the hash
	 * suffix, which only kustomize adds and rewrites).
	 */
	private static List<ObjectNode> baseFiles() {
		List<ObjectNode> objects = new ArrayList<>();
		try (Stream<Path> files = Files.walk(K8S.resolve("base"))) {
			for (Path file : files.filter(path -> path.toString().endsWith(".yaml")).sorted().toList()) {
				List<ObjectNode> documents = parse(Files.readString(file));
				if (file.getFileName().toString().equals("kustomization.yaml")) {
					documents.forEach(kustomization -> objects.addAll(generatedConfigMaps(kustomization)));
				}
				else {
					objects.addAll(documents);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		objects.stream()
			.filter(object -> !object.path("kind").asText().equals("Namespace"))
			.forEach(object -> ((ObjectNode) object.get("metadata")).put("namespace", NAMESPACE));
		return objects;
	}

	private static List<ObjectNode> generatedConfigMaps(JsonNode kustomization) {
		List<ObjectNode> configMaps = new ArrayList<>();
		for (JsonNode generator : kustomization.path("configMapGenerator")) {
			if (!generator.has("literals")) {
				continue;
			}
			ObjectNode configMap = YAML.createObjectNode().put("apiVersion", "v1").put("kind", "ConfigMap");
			configMap.putObject("metadata").put("name", generator.get("name").asText());
			ObjectNode data = configMap.putObject("data");
			for (JsonNode literal : generator.get("literals")) {
				String[] keyAndValue = literal.asText().split("=", 2);
				data.put(keyAndValue[0], keyAndValue[1]);
			}
			configMaps.add(configMap);
		}
		return configMaps;
	}

	/** Every document of a YAML file, whatever it holds. */
	static List<JsonNode> parseDocuments(String yaml) {
		List<JsonNode> documents = new ArrayList<>();
		try (MappingIterator<JsonNode> iterator = YAML.readerFor(JsonNode.class).readValues(yaml)) {
			while (iterator.hasNext()) {
				documents.add(iterator.next());
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return documents;
	}

	static List<ObjectNode> parse(String yaml) {
		List<ObjectNode> objects = new ArrayList<>();
		try (MappingIterator<JsonNode> documents = YAML.readerFor(JsonNode.class).readValues(yaml)) {
			while (documents.hasNext()) {
				JsonNode document = documents.next();
				if (document instanceof ObjectNode object && object.has("kind")) {
					objects.add(object);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return objects;
	}

	String layout() {
		return layout;
	}

	boolean isBaseFiles() {
		return layout.equals(BASE_FILES);
	}

	List<ObjectNode> all() {
		return objects;
	}

	List<ObjectNode> ofKind(String kind) {
		return objects.stream().filter(object -> object.path("kind").asText().equals(kind)).toList();
	}

	Optional<ObjectNode> find(String kind, String name) {
		return ofKind(kind).stream().filter(object -> name(object).equals(name)).findFirst();
	}

	ObjectNode get(String kind, String name) {
		return find(kind, name)
			.orElseThrow(() -> new AssertionError("No " + kind + " named " + name + " in " + layout));
	}

	/** A ConfigMap by the name it has in the sources (kustomize appends a hash to generated ones). */
	ObjectNode configMap(String name) {
		return ofKind("ConfigMap").stream()
			.filter(object -> name(object).equals(name) || name(object).matches(name + "-[a-z0-9]{10}"))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No ConfigMap " + name + " in " + layout));
	}

	static String name(JsonNode object) {
		return object.path("metadata").path("name").asText();
	}

	@Override
	public String toString() {
		return layout;
	}
}
