package io.eventplatform.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The services as the code declares them: every module of the root pom with a {@code @SpringBootApplication} and an
 * {@code application.yml} naming it, with its configuration and sources. A module added to the build is a service the manifests must deploy.
 */
final class ServiceModules {

	private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");

	private static final Pattern LISTENER = Pattern.compile("@KafkaListener\\((.*?)\\)\\s*(?:public\\s+)?void", Pattern.DOTALL);

	private static final Pattern GROUP_ID = Pattern.compile("groupId\\s*=\\s*\"([^\"]+)\"");

	private static final Pattern ID = Pattern.compile("\\bid\\s*=\\s*(?:\"([^\"]+)\"|([A-Za-z_][\\w.]*))");

	private static List<Service> all;

	private ServiceModules() {
	}

	/**
	 * One service.
	 *
	 * @param module the module directory, which is also its artifactId and image name
	 * @param name its {@code spring.application.name}
	 * @param properties its application.yml (every document), flattened to property names
	 * @param produces {@code platform.kafka.produces}
	 * @param consumes {@code platform.kafka.consumes}
	 * @param groups the consumer groups it commits in: its consumer group id, its Kafka Streams application id and
	 * every {@code groupId} its listeners name
	 */
	record Service(String module, Path dir, String name, Map<String, String> properties, List<String> produces,
			List<String> consumes, Set<String> groups) {

		Path sources() {
			return dir.resolve("src/main/java");
		}
	}

	static synchronized List<Service> all() {
		if (all == null) {
			all = modules().stream()
				.map(module -> Manifests.ROOT.resolve(module))
				.filter(ServiceModules::isService)
				.map(ServiceModules::service)
				.toList();
		}
		return all;
	}

	static Service named(String name) {
		return all().stream()
			.filter(service -> service.name().equals(name))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No service module named " + name));
	}

	static List<String> modules() {
		Matcher modules = MODULE.matcher(read(Manifests.ROOT.resolve("pom.xml")));
		List<String> names = new ArrayList<>();
		while (modules.find()) {
			names.add(modules.group(1).trim());
		}
		return names;
	}

	/** The version every module inherits from the root pom, and so every image's tag. */
	static String projectVersion() {
		String pom = read(Manifests.ROOT.resolve("pom.xml"));
		// The project's own version follows its artifactId (the parent's version comes first in the file).
		Matcher version = Pattern.compile("<artifactId>event-platform</artifactId>\\s*<version>([^<]+)</version>")
			.matcher(pom);
		if (!version.find()) {
			throw new AssertionError("No version in the root pom");
		}
		return version.group(1);
	}

	static String rootPomProperty(String name) {
		Matcher property = Pattern.compile("<" + Pattern.quote(name) + ">([^<]*)</" + Pattern.quote(name) + ">")
			.matcher(read(Manifests.ROOT.resolve("pom.xml")));
		if (!property.find()) {
			throw new AssertionError("No <" + name + "> in the root pom");
		}
		return property.group(1).trim();
	}

	/** A Spring Boot application with a name of its own (a benchmark or test harness has no application.yml). */
	private static boolean isService(Path module) {
		Path sources = module.resolve("src/main/java");
		Path configuration = module.resolve("src/main/resources/application.yml");
		if (!Files.isDirectory(sources) || !Files.exists(configuration)
				|| !read(configuration).contains("application:")) {
			return false;
		}
		try (Stream<Path> files = Files.walk(sources)) {
			return files.filter(file -> file.toString().endsWith(".java"))
				.anyMatch(file -> read(file).contains("@SpringBootApplication"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Service service(Path module) {
		Map<String, String> properties = new LinkedHashMap<>();
		Path yaml = module.resolve("src/main/resources/application.yml");
		Manifests.parseDocuments(read(yaml)).forEach(document -> flatten("", document, properties));
		Set<String> groups = new LinkedHashSet<>();
		for (String key : List.of("spring.kafka.consumer.group-id", "spring.kafka.streams.application-id")) {
			if (properties.containsKey(key)) {
				groups.add(properties.get(key));
			}
		}
		try (Stream<Path> files = Files.walk(module.resolve("src/main/java"))) {
			files.filter(file -> file.toString().endsWith(".java")).forEach(file -> {
				String source = read(file);
				Matcher listener = LISTENER.matcher(source);
				while (listener.find()) {
					String group = listenerGroup(listener.group(1), source);
					if (group != null) {
						groups.add(resolve(group, properties));
					}
				}
			});
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return new Service(module.getFileName().toString(), module, properties.get("spring.application.name"),
				properties, list(properties, "platform.kafka.produces"), list(properties, "platform.kafka.consumes"),
				groups);
	}

	/**
	 * The group a {@code @KafkaListener} commits in: its {@code groupId}, else (spring-kafka's {@code idIsGroup}) its
	 * {@code id}, a literal or a constant of the same class; null when it names neither and uses the consumer factory's.
	 */
	private static String listenerGroup(String attributes, String source) {
		Matcher groupId = GROUP_ID.matcher(attributes);
		if (groupId.find()) {
			return groupId.group(1);
		}
		Matcher id = ID.matcher(attributes);
		if (!id.find() || attributes.contains("idIsGroup = false")) {
			return null;
		}
		if (id.group(1) != null) {
			return id.group(1);
		}
		String constant = id.group(2).substring(id.group(2).lastIndexOf('.') + 1);
		Matcher value = Pattern.compile("static final String " + constant + "\\s*=\\s*\"([^\"]+)\"").matcher(source);
		if (!value.find()) {
			throw new AssertionError("Cannot resolve the listener id " + id.group(2));
		}
		return value.group(1);
	}

	/** Every {@code ${name:default}} placeholder in the value resolved against the service's own configuration. */
	static String resolve(String value, Map<String, String> properties) {
		Matcher placeholder = Pattern.compile("\\$\\{([^:}]+)(?::([^}]*))?}").matcher(value);
		StringBuilder resolved = new StringBuilder();
		while (placeholder.find()) {
			String replacement = properties.getOrDefault(placeholder.group(1), placeholder.group(2));
			if (replacement == null) {
				throw new AssertionError("Cannot resolve " + value + " from the service's application.yml");
			}
			placeholder.appendReplacement(resolved, Matcher.quoteReplacement(replacement));
		}
		return placeholder.appendTail(resolved).toString();
	}

	/** A list property as YAML may write it: a scalar with commas, or indexed entries. */
	static List<String> list(Map<String, String> properties, String name) {
		List<String> values = new ArrayList<>();
		if (properties.containsKey(name)) {
			Arrays.stream(properties.get(name).split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(values::add);
		}
		for (int i = 0; properties.containsKey(name + "[" + i + "]"); i++) {
			values.add(properties.get(name + "[" + i + "]").trim());
		}
		return values;
	}

	static void flatten(String prefix, JsonNode node, Map<String, String> into) {
		if (node.isObject()) {
			node.properties().forEach(entry -> flatten(prefix.isEmpty() ? entry.getKey() : prefix + "." + entry.getKey(),
					entry.getValue(), into));
		}
		else if (node.isArray()) {
			for (int i = 0; i < node.size(); i++) {
				flatten(prefix + "[" + i + "]", node.get(i), into);
			}
		}
		else {
			into.put(prefix, node.asText());
		}
	}

	static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
