package io.eventplatform.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.yaml.snakeyaml.Yaml;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** IDEs complete and document every {@code platform.*} property the library's defaults set. */
class ConfigurationMetadataTests {

	@Test
	void shouldDescribeEveryPlatformPropertyOfTheDefaults() throws IOException {
		Set<String> described = new TreeSet<>();
		try (InputStream metadata = new ClassPathResource("META-INF/spring-configuration-metadata.json").getInputStream()) {
			for (JsonNode property : JsonMapper.builder().build().readTree(metadata).get("properties")) {
				assertThat(property.path("description").asString()).as(property.get("name").asString()).isNotBlank();
				described.add(property.get("name").asString());
			}
		}
		Set<String> used = new TreeSet<>();
		try (InputStream defaults = new ClassPathResource("platform-defaults.yml").getInputStream()) {
			for (Object document : new Yaml().loadAll(defaults)) {
				collect("", document, used);
			}
		}

		assertThat(used).isNotEmpty().allMatch(name -> !name.startsWith("platform.") || described.contains(name),
				"described in the configuration metadata");
		assertThat(described).contains("platform.outbox.retry-interval", "platform.kafka.retry.max-retries",
				"platform.security.issuer-uri", "platform.data-dir");
	}

	private static void collect(String prefix, Object node, Set<String> names) {
		if (node instanceof Map<?, ?> map) {
			map.forEach((key, value) -> collect(prefix + key + ".", value, names));
		}
		else {
			names.add(prefix.substring(0, prefix.length() - 1));
		}
	}
}
