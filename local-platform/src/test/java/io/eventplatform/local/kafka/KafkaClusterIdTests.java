package io.eventplatform.local.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.IntStream;

import org.apache.kafka.common.Uuid;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cluster id comes from the platform's directory. One directory in 64 used to hash to an id starting with
 * {@code -}, which {@code kafka-storage format} reads as an option: the broker then never started in that directory.
 */
class KafkaClusterIdTests {

	@TempDir
	Path temp;

	@Test
	void shouldFormatTheStorageOfADirectoryWhoseHashStartsWithADash() throws IOException {
		Path directory = IntStream.range(0, 10_000)
			.mapToObj(i -> temp.resolve("platform-" + i))
			.filter(candidate -> hashedId(candidate).startsWith("-"))
			.findFirst()
			.orElseThrow();
		KafkaCluster cluster = KafkaCluster.of(directory, 1, 2);
		BrokerConfiguration configuration = new BrokerConfiguration(1, 1, 2, cluster.voters(), 1, 1,
				cluster.nodeDirectory(cluster.node(1)));

		KafkaBrokerProcess.format(configuration.write(), cluster.clusterId());

		assertThat(configuration.isFormatted()).isTrue();
		Properties meta = new Properties();
		try (Reader reader = Files.newBufferedReader(configuration.logDirectory().resolve("meta.properties"))) {
			meta.load(reader);
		}
		assertThat(meta.getProperty("cluster.id")).isEqualTo(cluster.clusterId()).doesNotStartWith("-");
	}

	@Test
	void shouldKeepTheIdOfEveryDirectoryThatCouldBeFormattedBefore() {
		IntStream.range(0, 1_000).mapToObj(i -> temp.resolve("platform-" + i)).forEach(directory -> {
			String id = KafkaCluster.of(directory, 1, 2).clusterId();
			assertThat(id).doesNotStartWith("-");
			assertThat(Uuid.fromString(id)).isNotEqualTo(Uuid.ZERO_UUID);
			if (!hashedId(directory).startsWith("-")) {
				assertThat(id).isEqualTo(hashedId(directory));
			}
		});
	}

	/** The id as every earlier version derived it. */
	private static String hashedId(Path directory) {
		UUID uuid = UUID.nameUUIDFromBytes(directory.toAbsolutePath().normalize().toString().getBytes(StandardCharsets.UTF_8));
		return new Uuid(uuid.getMostSignificantBits(), uuid.getLeastSignificantBits()).toString();
	}

}
