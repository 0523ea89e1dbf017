package io.eventplatform.k8s;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertyState;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import io.eventplatform.k8s.ServiceModules.Service;

/**
 * The configuration properties a service has: Spring Boot's and its libraries' (their configuration metadata), the
 * platform defaults, the service's own YAML and placeholders, and its {@code @ConfigurationProperties} records. An
 * environment variable is bound when Spring Boot's own relaxed binding maps it onto one of them.
 */
final class ConfigurationProperties {

	private static final Pattern PROPERTIES_ANNOTATION = Pattern
		.compile("@ConfigurationProperties\\((?:(?:prefix|value)\\s*=\\s*)?\"([^\"]+)\"\\)");

	private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([a-zA-Z0-9._\\-]+)");

	private static Map<String, Boolean> libraryProperties;

	/** Property names, each with whether anything below it binds too (maps, nested records, open prefixes). */
	private final Map<String, Boolean> names = new LinkedHashMap<>();

	private Map<ConfigurationPropertyName, Boolean> parsed;

	private ConfigurationProperties() {
	}

	private static final Map<String, ConfigurationProperties> OF_SERVICE = new java.util.concurrent.ConcurrentHashMap<>();

	static ConfigurationProperties of(Service service) {
		return OF_SERVICE.computeIfAbsent(service.module(), module -> read(service));
	}

	private static ConfigurationProperties read(Service service) {
		ConfigurationProperties properties = new ConfigurationProperties();
		properties.names.putAll(libraryProperties());
		Path support = Manifests.ROOT.resolve("service-support");
		properties.addYaml(support.resolve("src/main/resources/platform-defaults.yml"));
		properties.addSources(support.resolve("src/main/java"));
		try (Stream<Path> files = Files.list(service.dir().resolve("src/main/resources"))) {
			files.filter(file -> file.getFileName().toString().matches("application.*\\.ya?ml"))
				.forEach(properties::addYaml);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		properties.addSources(service.sources());
		return properties;
	}

	/** Whether Spring Boot binds the environment variable to a property of this service. */
	boolean binds(String environmentVariable) {
		IterableConfigurationPropertySource source = (IterableConfigurationPropertySource) ConfigurationPropertySource
			.from(new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
					Map.of(environmentVariable, "value")));
		// The names the variable maps to, and their parents (for maps and nested records)...
		if (source.stream().anyMatch(this::isKnownOrBelowAnOpenName)) {
			return true;
		}
		// ...and, the other way round, a dashed name written with underscores (PLATFORM_CLIENTS_DEMO_CLIENT_SECRET).
		for (Map.Entry<String, Boolean> name : names.entrySet()) {
			if (!name.getKey().contains("-") || !ConfigurationPropertyName.isValid(name.getKey())) {
				continue;
			}
			ConfigurationPropertyName property = ConfigurationPropertyName.of(name.getKey());
			if (source.getConfigurationProperty(property) != null || (name.getValue()
					&& source.containsDescendantOf(property) == ConfigurationPropertyState.PRESENT)) {
				return true;
			}
		}
		return false;
	}

	private boolean isKnownOrBelowAnOpenName(ConfigurationPropertyName name) {
		if (parsed == null) {
			parsed = new HashMap<>();
			names.forEach((key, open) -> {
				if (ConfigurationPropertyName.isValid(key)) {
					parsed.merge(ConfigurationPropertyName.of(key), open, Boolean::logicalOr);
				}
			});
		}
		if (parsed.containsKey(name)) {
			return true;
		}
		for (ConfigurationPropertyName parent = name.getParent(); !parent.isEmpty(); parent = parent.getParent()) {
			if (Boolean.TRUE.equals(parsed.get(parent))) {
				return true;
			}
		}
		return false;
	}

	private void addYaml(Path file) {
		String yaml = ServiceModules.read(file);
		Map<String, String> flat = new LinkedHashMap<>();
		Manifests.parseDocuments(yaml).forEach(document -> ServiceModules.flatten("", document, flat));
		flat.keySet().forEach(key -> names.putIfAbsent(key.replaceAll("\\[\\d+]$", ""), false));
		Matcher placeholders = PLACEHOLDER.matcher(yaml);
		while (placeholders.find()) {
			names.putIfAbsent(placeholders.group(1), false);
		}
	}

	private void addSources(Path sources) {
		try (Stream<Path> files = Files.walk(sources)) {
			files.filter(file -> file.toString().endsWith(".java")).forEach(file -> addPropertiesOf(ServiceModules.read(file)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A {@code @ConfigurationProperties} record's components, or any name below the prefix of a class. */
	private void addPropertiesOf(String source) {
		Matcher annotation = PROPERTIES_ANNOTATION.matcher(source);
		while (annotation.find()) {
			String prefix = annotation.group(1);
			Matcher record = Pattern.compile("\\brecord\\s+\\w+\\s*\\(").matcher(source);
			if (!record.find(annotation.end())) {
				names.put(prefix, true);
				continue;
			}
			for (String component : components(source, record.end())) {
				// A component may itself be a record or a map: what lies below it binds too.
				names.put(prefix + "." + kebabCase(component), true);
			}
		}
	}

	private static List<String> components(String source, int start) {
		List<String> components = new ArrayList<>();
		int depth = 0;
		StringBuilder current = new StringBuilder();
		for (int i = start; i < source.length(); i++) {
			char c = source.charAt(i);
			if (depth == 0 && (c == ',' || c == ')')) {
				String[] tokens = current.toString().trim().split("\\s+");
				if (tokens.length > 0 && !tokens[tokens.length - 1].isEmpty()) {
					components.add(tokens[tokens.length - 1]);
				}
				current.setLength(0);
				if (c == ')') {
					break;
				}
				continue;
			}
			if (c == '(' || c == '<') {
				depth++;
			}
			else if (c == ')' || c == '>') {
				depth--;
			}
			if (depth == 0) {
				current.append(c);
			}
		}
		return components;
	}

	private static String kebabCase(String camelCase) {
		return camelCase.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
	}

	private static synchronized Map<String, Boolean> libraryProperties() {
		if (libraryProperties == null) {
			Map<String, Boolean> found = new LinkedHashMap<>();
			ObjectMapper json = new ObjectMapper();
			for (String resource : List.of("META-INF/spring-configuration-metadata.json",
					"META-INF/additional-spring-configuration-metadata.json")) {
				for (URL url : resources(resource)) {
					try (InputStream in = url.openStream()) {
						for (JsonNode property : json.readTree(in).path("properties")) {
							String type = property.path("type").asText("");
							found.merge(property.path("name").asText(), type.startsWith("java.util.Map"),
									Boolean::logicalOr);
						}
					}
					catch (IOException ex) {
						throw new UncheckedIOException(ex);
					}
				}
			}
			libraryProperties = found;
		}
		return libraryProperties;
	}

	private static Set<URL> resources(String name) {
		try {
			Set<URL> urls = new LinkedHashSet<>();
			Enumeration<URL> found = ConfigurationProperties.class.getClassLoader().getResources(name);
			while (found.hasMoreElements()) {
				urls.add(found.nextElement());
			}
			return urls;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
