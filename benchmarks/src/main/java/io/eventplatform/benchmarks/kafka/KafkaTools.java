package io.eventplatform.benchmarks.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.tools.ConsumerPerformance;
import org.apache.kafka.tools.ProducerPerformance;

import io.eventplatform.local.process.JavaCommand;

/**
 * Kafka's own performance tools from {@code org.apache.kafka:kafka-tools}, each run as a JVM of its own against the
 * platform's broker: the K figures, the best this broker does on this machine.
 */
public final class KafkaTools {

	/** The tools' JVM: a normal server JVM (C2, default GC) as Kafka's scripts run them, with a bounded heap. */
	private static final List<String> JVM_OPTIONS = List.of("-Xmx512m", "-Dfile.encoding=UTF-8",
			"-Dlogback.configurationFile=io/eventplatform/local/launcher-logback.xml");

	private static final Pattern PRODUCER_SUMMARY = Pattern
		.compile("(\\d+) records sent, ([0-9.]+) records/sec \\(([0-9.]+) MB/sec\\), ([0-9.]+) ms avg latency, "
				+ "([0-9.]+) ms max latency, (\\d+) ms 50th, (\\d+) ms 95th, (\\d+) ms 99th, (\\d+) ms 99.9th");

	private final String bootstrapServers;

	public KafkaTools(String bootstrapServers) {
		this.bootstrapServers = bootstrapServers;
	}

	/** Creates the tools' topic, with as many partitions as {@code weather.readings}, so the figures compare. */
	public void createTopic(String topic, int partitions) {
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
			admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get(30, TimeUnit.SECONDS);
		}
		catch (java.util.concurrent.ExecutionException ex) {
			if (!(ex.getCause() instanceof TopicExistsException)) {
				throw new IllegalStateException("Could not create " + topic, ex.getCause());
			}
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not create " + topic, ex);
		}
	}

	/**
	 * {@code ProducerPerformance}: {@code records} records of {@code recordSize} bytes as fast as possible, acks=all,
	 * idempotent.
	 */
	public ProducerResult produce(String topic, long records, int recordSize) {
		String output = run(ProducerPerformance.class, List.of("--topic", topic, "--num-records", Long.toString(records),
				"--record-size", Integer.toString(recordSize), "--throughput", "-1", "--producer-props",
				"bootstrap.servers=" + bootstrapServers, "acks=all", "enable.idempotence=true", "linger.ms=5",
				"batch.size=65536"));
		Matcher summary = null;
		Matcher matcher = PRODUCER_SUMMARY.matcher(output);
		while (matcher.find()) {
			summary = matcher;
			if (Long.parseLong(matcher.group(1)) == records) {
				break;
			}
		}
		if (summary == null) {
			throw new IllegalStateException("ProducerPerformance printed no summary:\n" + output);
		}
		return new ProducerResult(Long.parseLong(summary.group(1)), Double.parseDouble(summary.group(2)),
				Double.parseDouble(summary.group(3)), Double.parseDouble(summary.group(4)),
				Double.parseDouble(summary.group(9)));
	}

	/**
	 * {@code ConsumerPerformance}: reads {@code records} records of the topic from the beginning with a fresh group.
	 * The rate reported is {@code fetch.nMsg.sec}: records per second while fetching, without the group join.
	 */
	public ConsumerResult consume(String topic, long records) {
		String output = run(ConsumerPerformance.class,
				List.of("--bootstrap-server", bootstrapServers, "--topic", topic, "--messages", Long.toString(records),
						"--group", "benchmark-consumer-performance-" + System.nanoTime(),
						"--timeout", "60000"));
		// Header: start.time, end.time, data.consumed.in.MB, MB.sec, data.consumed.in.nMsg, nMsg.sec,
		// rebalance.time.ms, fetch.time.ms, fetch.MB.sec, fetch.nMsg.sec
		List<String> lines = output.lines().filter(line -> line.matches("^\\d{4}-.*")).toList();
		if (lines.isEmpty()) {
			throw new IllegalStateException("ConsumerPerformance printed no result:\n" + output);
		}
		String[] fields = lines.get(lines.size() - 1).split(",\\s*");
		return new ConsumerResult(Long.parseLong(fields[4].trim()), Double.parseDouble(fields[5].trim()),
				Double.parseDouble(fields[9].trim()), Double.parseDouble(fields[8].trim()));
	}

	private static String run(Class<?> tool, List<String> args) {
		List<String> command = new ArrayList<>(JavaCommand.mainClass(JVM_OPTIONS, tool, args));
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			process.getOutputStream().close();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
				throw new IllegalStateException(tool.getSimpleName() + " failed:\n" + output);
			}
			return output;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public record ProducerResult(long records, double recordsPerSecond, double megabytesPerSecond,
			double averageLatencyMillis, double p999LatencyMillis) {
	}

	/** @param recordsPerSecond over the whole run, group join included */
	public record ConsumerResult(long records, double recordsPerSecond, double fetchRecordsPerSecond,
			double fetchMegabytesPerSecond) {
	}

}
