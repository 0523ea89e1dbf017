package io.eventplatform.benchmarks;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import io.eventplatform.benchmarks.baseline.BaselineProcess;
import io.eventplatform.benchmarks.footprint.CpuAccount;
import io.eventplatform.benchmarks.footprint.MemorySampler;
import io.eventplatform.benchmarks.http.Nginx;
import io.eventplatform.benchmarks.http.Readings;
import io.eventplatform.benchmarks.http.Wrk;
import io.eventplatform.benchmarks.http.WrkResult;
import io.eventplatform.benchmarks.kafka.ConsumerGroups;
import io.eventplatform.benchmarks.kafka.KafkaTools;
import io.eventplatform.benchmarks.latency.CatchUp;
import io.eventplatform.benchmarks.latency.EndToEndLatency;
import io.eventplatform.benchmarks.report.Machine;
import io.eventplatform.benchmarks.report.ReportWriter;
import io.eventplatform.benchmarks.report.Results;
import io.eventplatform.benchmarks.report.Results.NotRun;
import io.eventplatform.benchmarks.report.Target.Comparison;
import io.eventplatform.contract.Topics;
import io.eventplatform.local.LocalPlatform;
import io.eventplatform.local.PlatformSettings;
import io.eventplatform.local.client.AccessTokens;
import static org.awaitility.Awaitility.await;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.core.ConditionTimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * One benchmark run: starts (or attaches to) the platform, measures every figure of the issue in rounds, and writes
 * the report. Ratios are taken within a round, so a machine that is slower in one round than in another cancels out.
 */
final class Benchmark {

	static final String KAFKA_TOOLS_TOPIC = "benchmark.kafka-tools";

	static final String READINGS_PATH = "/api/weather/readings";

	static final String BATCH_PATH = "/api/weather/readings/batch";

	/** The parts of the platform, by the names local-platform gives their logs. */
	static final List<String> PARTS = List.of("kafka-broker", "mail-server", "registration-service",
			"weather-ingest-service", "transaction-service", "notification-service", "analytics-service",
			"warehouse-service", "gateway", "console");

	private final BenchmarkSettings settings;

	private final PrintStream out;

	private final Results results = new Results();

	private final List<String> notes = new ArrayList<>();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	/** Each part's CPU time, to split every measured run by process; set once the platform runs. */
	private CpuAccount cpu = new CpuAccount(Map.of());

	private final Clock clock;

	Benchmark(BenchmarkSettings settings, PrintStream out, Clock clock) {
		this.settings = settings;
		this.out = out;
		this.clock = clock;
	}

	Results run() throws Exception {
		Machine machine = Machine.current();
		declareFigures();
		boolean wrk = Wrk.installed();
		boolean nginx = Nginx.installed();
		if (!wrk) {
			for (String key : List.of("H", "R", "G", "N", "B", "ratio.R/H", "ratio.G/R", "ratio.G/N", "ratio.B/K")) {
				results.notRun(key, NotRun.TOOL_MISSING, "wrk is not installed (Debian: apt-get install wrk)");
			}
		}
		else if (!nginx) {
			results.notRun("N", NotRun.TOOL_MISSING, "nginx is not installed (Debian: apt-get install nginx)");
			results.notRun("ratio.G/N", NotRun.TOOL_MISSING, "nginx is not installed (Debian: apt-get install nginx)");
		}
		Path work = Files.createTempDirectory("event-platform-benchmark");
		LocalPlatform platform = null;
		try {
			URI gateway;
			URI ingest;
			String bootstrap;
			Map<String, Integer> ports = new LinkedHashMap<>();
			if (settings.attach() == null) {
				platform = startPlatform(work.resolve("data"));
				gateway = platform.gatewayUrl();
				ingest = platform.serviceUrl("weather-ingest-service");
				bootstrap = platform.kafkaBootstrapServers();
				PlatformSettings ps = platform.settings();
				ports.put("kafka-broker", ps.kafkaPort());
				ports.put("mail-server", ps.mailApiPort());
				for (String part : PARTS.subList(2, PARTS.size())) {
					ports.put(part, platform.serviceUrl(part).getPort());
				}
			}
			else {
				gateway = settings.attach().gateway();
				ingest = settings.attach().weatherIngest();
				bootstrap = settings.attach().bootstrapServers();
				results.notRun("footprint.startup", NotRun.ATTACHED, "attached to a running platform: its start was not timed");
				ports.put("kafka-broker", URI.create("tcp://" + bootstrap.split(",")[0]).getPort());
				ports.put("weather-ingest-service", ingest.getPort());
				ports.put("gateway", gateway.getPort());
			}
			measure(gateway, ingest, bootstrap, ports, platform, work, wrk, nginx);
		}
		catch (Exception | Error ex) {
			notes.add(0, "**The run was aborted: " + ex + "** (logs of the parts: " + work.resolve("data/logs") + ")");
			throw ex;
		}
		finally {
			if (platform != null) {
				platform.close();
			}
			ReportWriter.write(settings.outputDir(), machine, settings.describe(), results.figures(), notes,
					clock.instant());
			out.println("Report: " + settings.outputDir().resolve("report.md"));
		}
		return results;
	}

	private LocalPlatform startPlatform(Path dataDir) {
		// A slow start is a figure to report, not a reason to give up: allow far more than the target.
		PlatformSettings platformSettings = PlatformSettings.onFreePorts(settings.projectDir(), dataDir)
			.withStartupTimeout(Duration.ofMinutes(10));
		for (int i = 1; i < settings.startups(); i++) {
			long start = System.nanoTime();
			try (LocalPlatform platform = LocalPlatform.start(platformSettings, clock)) {
				results.sample("footprint.startup", (System.nanoTime() - start) / 1e9);
			}
		}
		long start = System.nanoTime();
		LocalPlatform platform = LocalPlatform.start(platformSettings, clock);
		results.sample("footprint.startup", (System.nanoTime() - start) / 1e9);
		return platform;
	}

	private void measure(URI gateway, URI ingest, String bootstrap, Map<String, Integer> ports,
			@Nullable LocalPlatform platform, Path work, boolean wrkInstalled, boolean nginxInstalled) throws Exception {
		MemorySampler memory = new MemorySampler(ports);
		if (platform != null) {
			// The parts have just become ready: what each used so far is what its start cost.
			results.detail("footprint.startup", "last start, until every part was ready",
					CpuAccount.seconds(new CpuAccount(ports).snapshot()));
		}
		sleep(settings.smoke() ? Duration.ofSeconds(1) : Duration.ofSeconds(10));
		Map<String, Long> idle = memory.snapshot();
		idle.forEach((part, kib) -> results.sample("footprint.rss.idle." + part, kib / 1024.0));
		results.sample("footprint.rss.idle.total", idle.values().stream().mapToLong(Long::longValue).sum() / 1024.0);
		ports.keySet().stream().filter(part -> !idle.containsKey(part)).forEach(part -> results
			.notRun("footprint.rss.idle." + part, NotRun.FAILED, "no process found listening on port " + ports.get(part)));

		KafkaTools kafka = new KafkaTools(bootstrap);
		int partitions;
		try (ConsumerGroups groups = new ConsumerGroups(bootstrap, Topics.WEATHER_READINGS.name())) {
			partitions = groups.partitions().size();
		}
		kafka.createTopic(KAFKA_TOOLS_TOPIC, partitions);

		out.println("▸ starting the baseline application (H)");
		try (BaselineProcess baseline = BaselineProcess.start(freePort(), gateway, bootstrap, settings.projectDir(), work,
				work.resolve("logs/benchmark-baseline.log"), Duration.ofMinutes(3), clock);
				Nginx proxy = wrkInstalled && nginxInstalled ? Nginx.start(freePort(), ingest, Duration.ofSeconds(20))
						: null) {
			Map<String, Integer> measured = new LinkedHashMap<>(ports);
			measured.put("benchmark-baseline", baseline.port());
			cpu = new CpuAccount(measured);
			Wrk wrk = new Wrk(work, settings.threads(), settings.connections());
			// A batch is 500 readings' work: fewer connections in flight, as many readings queued.
			Wrk batchWrk = new Wrk(work, settings.threads(), Math.max(settings.threads(), settings.connections() / 8));
			List<String> singles = Readings.singles(2000, clock);
			List<String> batches = Readings.batches(settings.smoke() ? 4 : 20, settings.batchSize(), clock);
			Map<String, URI> targets = new LinkedHashMap<>();
			targets.put("H", baseline.readingsUrl());
			targets.put("R", ingest.resolve(READINGS_PATH));
			targets.put("G", gateway.resolve(READINGS_PATH));
			if (proxy != null) {
				targets.put("N", proxy.url().resolve(READINGS_PATH));
			}
			targets.put("B", ingest.resolve(BATCH_PATH));

			String token = token(gateway);
			if (wrkInstalled) {
				out.println("▸ warming up " + targets.keySet());
				targets.forEach((key, url) -> (key.equals("B") ? batchWrk : wrk).post(url, key.equals("B") ? batches : singles,
						token, settings.warmup()));
			}
			Map<String, String> groups = consumerGroups(gateway, bootstrap);

			memory.startSampling();
			for (int round = 1; round <= settings.repeats(); round++) {
				out.printf("▸ round %d of %d%n", round, settings.repeats());
				round(round, kafka, wrkInstalled ? wrk : null, batchWrk, targets, singles, batches, gateway, groups,
						bootstrap);
			}
			memory.close();
			memory.peakKib().forEach((part, kib) -> results.sample("footprint.rss.load." + part, kib / 1024.0));
			results.sample("footprint.rss.load.total", memory.peakTotalKib() / 1024.0);

			if (platform == null) {
				for (String label : List.of("analytics", "warehouse")) {
					results.notRun("catchup." + label, NotRun.ATTACHED,
							"attached to a running platform: the harness cannot stop and start its consumers");
					results.notRun("ratio.catchup." + label, NotRun.ATTACHED,
							"attached to a running platform: the harness cannot stop and start its consumers");
				}
			}
			else {
				catchUp(platform, kafka, groups);
			}
		}
		finally {
			memory.close();
		}
	}

	private void round(int round, KafkaTools kafka, @Nullable Wrk wrk, Wrk batchWrk, Map<String, URI> targets,
			List<String> singles, List<String> batches, URI gateway, Map<String, String> groups, String bootstrap)
			throws Exception {
		KafkaTools.ProducerResult producer = kafka.produce(KAFKA_TOOLS_TOPIC, settings.kafkaRecords(), settings.recordSize());
		results.sample("K.producer", producer.recordsPerSecond());
		results.detail("K.producer", "round " + round, String.format(Locale.ROOT, "%.1f MB/s, avg latency %.1f ms, p99.9 %.0f ms",
				producer.megabytesPerSecond(), producer.averageLatencyMillis(), producer.p999LatencyMillis()));
		KafkaTools.ConsumerResult consumer = kafka.consume(KAFKA_TOOLS_TOPIC, settings.kafkaRecords());
		results.sample("K.consumer", consumer.fetchRecordsPerSecond());
		results.detail("K.consumer", "round " + round, String.format(Locale.ROOT,
				"%.0f records/s including the group join, %.1f MB/s while fetching", consumer.recordsPerSecond(),
				consumer.fetchMegabytesPerSecond()));
		out.printf("  K producer %.0f records/s, consumer %.0f records/s%n", producer.recordsPerSecond(),
				consumer.fetchRecordsPerSecond());

		Map<String, Double> rates = new LinkedHashMap<>();
		if (wrk != null) {
			String token = token(gateway);
			for (Map.Entry<String, URI> target : targets.entrySet()) {
				String key = target.getKey();
				boolean batch = key.equals("B");
				Map<String, Duration> cpuBefore = cpu.snapshot();
				WrkResult result = batch ? batchWrk.post(target.getValue(), batches, token, batchDuration())
						: wrk.post(target.getValue(), singles, token, settings.duration());
				Map<String, Duration> cpuUsed = CpuAccount.between(cpuBefore, cpu.snapshot());
				out.printf("  %s %s%n", key, result.summary());
				results.detail(key, "round " + round, result.summary());
				results.detail(key, "round " + round + ", CPU",
						CpuAccount.perUnit(cpuUsed, result.requests() * (batch ? settings.batchSize() : 1.0),
								batch ? "reading" : "request"));
				if (result.requests() <= 0) {
					results.detail(key, "round " + round + " discarded", "no request completed within the run");
					continue;
				}
				if (result.errors() > 0) {
					results.detail(key, "round " + round + " discarded", result.errors() + " errors; wrk output: "
							+ result.output().replace('\n', ' '));
					continue;
				}
				double rate = result.requestsPerSecond() * (batch ? settings.batchSize() : 1);
				rates.put(key, rate);
				results.sample(key, rate);
			}
			ratio(rates, "R", "H");
			ratio(rates, "G", "R");
			ratio(rates, "G", "N");
			if (rates.containsKey("B")) {
				results.sample("ratio.B/K", rates.get("B") / producer.recordsPerSecond());
			}
		}

		if (groups.isEmpty()) {
			return;
		}
		double rate = rates.containsKey("G") ? rates.get("G") / 2 : settings.smoke() ? 100 : 500;
		if (!rates.containsKey("G")) {
			results.detail("E2E.rate", "round " + round, "G not measured: fixed " + rate + " readings/s");
		}
		if (settings.e2eMaxRate() > 0) {
			rate = Math.min(rate, settings.e2eMaxRate());
		}
		EndToEndLatency.Result e2e = new EndToEndLatency(bootstrap, clock).measure(gateway.resolve(READINGS_PATH),
				token(gateway), groups, rate, settings.e2eDuration(), Duration.ofSeconds(settings.smoke() ? 60 : 120));
		results.sample("E2E.rate", e2e.achievedRate());
		results.detail("E2E.rate", "round " + round, e2e.sent() + " sent, " + e2e.accepted() + " accepted (202), "
				+ e2e.errors() + " errors" + (e2e.errorSamples().isEmpty() ? "" : " e.g. " + e2e.errorSamples()));
		e2e.latencies().forEach((label, percentiles) -> {
			out.printf("  E2E %s at %.0f/s: p50 %.1f ms, p99 %.1f ms, p99.9 %.1f ms (%d of %d seen)%n", label,
					e2e.achievedRate(), percentiles.p50(), percentiles.p99(), percentiles.p999(), percentiles.observed(),
					percentiles.expected());
			results.detail("E2E." + label + ".p99", "round " + round, percentiles.observed() + " of "
					+ percentiles.expected() + " accepted readings seen, max " + percentiles.max() + " ms");
			if (percentiles.observed() > 0 && percentiles.observed() == percentiles.expected()) {
				results.sample("E2E." + label + ".p50", percentiles.p50());
				results.sample("E2E." + label + ".p99", percentiles.p99());
				results.sample("E2E." + label + ".p999", percentiles.p999());
			}
		});
	}

	/** A batch takes hundreds of times longer than one reading: at least 5 s, so a short run still completes some. */
	private Duration batchDuration() {
		return settings.duration().compareTo(Duration.ofSeconds(5)) < 0 ? Duration.ofSeconds(5) : settings.duration();
	}

	private void ratio(Map<String, Double> rates, String numerator, String denominator) {
		if (rates.containsKey(numerator) && rates.containsKey(denominator)) {
			results.sample("ratio." + numerator + "/" + denominator, rates.get(numerator) / rates.get(denominator));
		}
	}

	private void catchUp(LocalPlatform platform, KafkaTools kafka, Map<String, String> groups) throws Exception {
		if (groups.isEmpty()) {
			return;
		}
		CatchUp catchUp = new CatchUp(platform, settings.consumingParts(), clock);
		String consumingParts = String.join(" and ", settings.consumingParts());
		for (int repetition = 1; repetition <= settings.catchUpRepeats(); repetition++) {
			int i = repetition;
			out.printf("▸ catch-up %d of %d: %d readings with %s stopped%n", i, settings.catchUpRepeats(),
					settings.backlog(), consumingParts);
			// The consumer tool right before, on the same machine state, for the ratio.
			KafkaTools.ConsumerResult tool = kafka.consume(KAFKA_TOOLS_TOPIC, settings.kafkaRecords());
			// A timeout only: the restart may take minutes on a busy machine, then draining at 200 readings/s at worst.
			Map<String, Duration> cpuBefore = cpu.snapshot();
			CatchUp.Result result = catchUp.measure(settings.backlog(), groups,
					Duration.ofMinutes(10).plusSeconds(Math.max(300, settings.backlog() / 200)));
			Map<String, Duration> cpuAfter = cpu.snapshot();
			Map<String, Duration> cpuUsed = new LinkedHashMap<>(CpuAccount.between(cpuBefore, cpuAfter));
			// The consuming part is a new process: all its CPU time since its restart (its start included).
			settings.consumingParts()
				.forEach(part -> Optional.ofNullable(cpuAfter.get(part)).ifPresent(used -> cpuUsed.put(part, used)));
			results.detail("catchup.analytics", "run " + i + ", CPU (writing the backlog, and "
					+ consumingParts + "' restart, included)",
					CpuAccount.perUnit(cpuUsed, settings.backlog(), "reading"));
			result.groups().forEach((label, group) -> {
				results.detail("catchup." + label, "run " + i, String.format(Locale.ROOT,
						"backlog written in %.1f s; %s restarted and ready in %.1f s; first commit %s s, drained %s s after its start",
						result.produceSeconds(), consumingParts, result.restartSeconds(),
						group.firstCommitSeconds().map(s -> String.format(Locale.ROOT, "%.1f", s)).orElse("never"),
						group.secondsFromStart().map(s -> String.format(Locale.ROOT, "%.1f", s)).orElse("never")));
				group.readingsPerSecond().ifPresentOrElse(rate -> {
					out.printf("  %s drained %d readings at %.0f/s (consumer tool %.0f/s)%n", label, result.backlog(), rate,
							tool.fetchRecordsPerSecond());
					results.sample("catchup." + label, rate);
					results.sample("ratio.catchup." + label, rate / tool.fetchRecordsPerSecond());
				}, () -> results.detail("catchup." + label, "run " + i + " failed", "did not drain in time"));
			});
		}
	}

	/**
	 * The consumer groups on weather.readings, found by what they commit rather than by name: Kafka Streams'
	 * application id is the analytics group; any other group (not the harness's own) is the warehouse sync.
	 */
	private Map<String, String> consumerGroups(URI gateway, String bootstrap) throws InterruptedException {
		Map<String, String> groups = new LinkedHashMap<>();
		HttpRequest request = HttpRequest.newBuilder(gateway.resolve(BATCH_PATH))
			.header("Authorization", "Bearer " + token(gateway))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(Readings.batches(1, 20, clock).get(0)))
			.build();
		send(request);
		try (ConsumerGroups offsets = new ConsumerGroups(bootstrap, Topics.WEATHER_READINGS.name())) {
			// Every part is ready, so every consumer has its partitions by now; a little time for a rebalance.
			AtomicReference<List<String>> discovered = new AtomicReference<>(List.of());
			try {
				await().atMost(Duration.ofSeconds(20)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(500))
					.until(() -> {
						List<String> reading = offsets.groupsOnTopic("benchmark-");
						discovered.set(reading);
						return reading.contains(settings.streamsGroup()) && reading.size() > 1;
					});
			}
			catch (ConditionTimeoutException ex) {
				// Measure the groups there are; the report says which figure lacks its consumer.
			}
			List<String> found = Objects.requireNonNull(discovered.get());
			List<String> behind = offsets.awaitCaughtUp(found, Duration.ofSeconds(60));
			if (!behind.isEmpty()) {
				notes.add("Groups " + behind + " had not processed the first readings within 60 s");
			}
			if (found.contains(settings.streamsGroup())) {
				groups.put("analytics", settings.streamsGroup());
			}
			Optional<String> warehouse = found.stream()
				.filter(group -> !group.equals(settings.streamsGroup()))
				.sorted((a, b) -> Boolean.compare(b.contains("warehouse"), a.contains("warehouse")))
				.findFirst();
			warehouse.ifPresent(group -> groups.put("warehouse", group));
			notes.add("Consumer groups on weather.readings: " + (found.isEmpty() ? "none" : String.join(", ", found))
					+ "; followed: " + groups);
		}
		for (String label : List.of("analytics", "warehouse")) {
			if (!groups.containsKey(label)) {
				String reason = "no " + (label.equals("analytics") ? "Kafka Streams group '" + settings.streamsGroup() + "'"
						: "warehouse consumer group") + " commits offsets on weather.readings in this platform";
				for (String key : List.of("E2E." + label + ".p50", "E2E." + label + ".p99", "E2E." + label + ".p999",
						"catchup." + label, "ratio.catchup." + label)) {
					results.notRun(key, NotRun.NO_CONSUMER, reason);
				}
			}
		}
		if (groups.isEmpty()) {
			results.notRun("E2E.rate", NotRun.NO_CONSUMER, "no consumer of weather.readings to follow");
		}
		return groups;
	}

	/** A token for the benchmark's client, from the gateway's token endpoint; fetched once per measurement. */
	private String token(URI gateway) {
		try {
			return new AccessTokens(http, gateway, settings.clientId(), settings.clientSecret(), clock).current();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private HttpResponse<String> send(HttpRequest request) {
		try {
			return http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private void declareFigures() {
		results.declare("footprint.startup", "Footprint: start to all parts ready", "s");
		results.target("footprint.startup", Comparison.AT_MOST, 30);
		results.declare("K.producer", "K: ProducerPerformance, 1 KB, acks=all, idempotent", "records/s");
		results.declare("K.consumer", "K: ConsumerPerformance (fetch rate)", "records/s");
		results.declare("H", "H: trivial endpoint on the services' stack, direct", "requests/s");
		results.declare("R", "R: single readings direct to weather-ingest", "readings/s");
		results.declare("G", "G: single readings through the gateway", "readings/s");
		results.declare("N", "N: single readings through nginx (keep-alive)", "readings/s");
		results.declare("B", "B: batches of " + settings.batchSize() + " direct to weather-ingest", "readings/s");
		results.declare("ratio.R/H", "R/H", "ratio");
		results.target("ratio.R/H", Comparison.AT_LEAST, 0.85);
		results.declare("ratio.G/R", "G/R", "ratio");
		results.target("ratio.G/R", Comparison.AT_LEAST, 0.6);
		results.declare("ratio.G/N", "G/N", "ratio");
		results.target("ratio.G/N", Comparison.AT_LEAST, 0.9);
		results.declare("ratio.B/K", "B/K (readings/s over ProducerPerformance records/s)", "ratio");
		results.target("ratio.B/K", Comparison.AT_LEAST, 0.5);
		results.declare("E2E.rate", "E2E: request rate (half of G)", "readings/s");
		for (String label : List.of("analytics", "warehouse")) {
			String effect = label.equals("analytics") ? "aggregate updated" : "row written";
			results.declare("E2E." + label + ".p50", "E2E p50: 202 to " + label + " " + effect, "ms");
			results.declare("E2E." + label + ".p99", "E2E p99: 202 to " + label + " " + effect, "ms");
			results.target("E2E." + label + ".p99", Comparison.AT_MOST, 50);
			results.declare("E2E." + label + ".p999", "E2E p99.9: 202 to " + label + " " + effect, "ms");
		}
		for (String label : List.of("analytics", "warehouse")) {
			results.declare("catchup." + label, "Catch-up: " + label + " draining the backlog", "readings/s");
			results.declare("ratio.catchup." + label, "Catch-up " + label + " / ConsumerPerformance", "ratio");
			results.target("ratio.catchup." + label, Comparison.AT_LEAST, 0.5);
		}
		results.declare("footprint.rss.idle.total", "Footprint: resident memory, all parts, idle", "MiB");
		results.declare("footprint.rss.load.total", "Footprint: resident memory, all parts, peak under load", "MiB");
		results.target("footprint.rss.load.total", Comparison.AT_MOST, 2560);
		for (String part : PARTS) {
			results.declare("footprint.rss.idle." + part, "RSS idle: " + part, "MiB");
			results.declare("footprint.rss.load." + part, "RSS peak under load: " + part, "MiB");
		}
		notes.add("K: org.apache.kafka.tools.ProducerPerformance and ConsumerPerformance (kafka-tools, the broker's version), "
				+ "each a JVM of its own, on topic " + KAFKA_TOOLS_TOPIC + " with as many partitions as weather.readings; "
				+ "producer acks=all, enable.idempotence=true, linger.ms=5, batch.size=64 KiB; the consumer's figure is "
				+ "fetch.nMsg.sec (without the group join).");
		notes.add("H: a tiny application on service-support (benchmarks/src/main/java/.../baseline), started with the "
				+ "services' JVM options: same Tomcat, same security filter chain validating the gateway's JWT, same JSON "
				+ "and bean validation; it answers 202 with the reading's id without publishing. So R/H is the cost of the "
				+ "broker's acknowledgement.");
		notes.add("H, R, G, N, B: wrk, POSTing pre-built valid readings (distinct stations and times) with a bearer token "
				+ "fetched once per run; a run with any non-2xx answer or socket error is discarded, not counted. R and B "
				+ "go straight to weather-ingest-service, G through the gateway, N through nginx (generated config, "
				+ "keep-alive to the upstream, run unprivileged on a free port). A weather reading is about 150 bytes of "
				+ "JSON, not 1 KB: its size is fixed by the contract.");
		notes.add("G: the gateway's per-client rate limit is lifted for the benchmark client (SPRING_APPLICATION_JSON "
				+ "set by the harness for the platform it starts); otherwise G would measure the limit.");
		notes.add("E2E: readings sent through the gateway at a fixed (open-loop) rate of half of G of the same round; "
				+ "every reading followed (not a sample). The effect time is when the consumer group's committed offset "
				+ "passes the reading's offset, seen by polling the committed offsets every 5 ms (the resolution): for Kafka "
				+ "Streams (exactly-once) that commit is the transaction that writes the aggregate's changelog; for the "
				+ "warehouse listener the offset is committed after the row was written. A query endpoint would add its "
				+ "own polling and HTTP time; a database column would need the warehouse schema. A latency of 0 means the "
				+ "effect was committed before the 202 reached the client: the warehouse listener often writes the row "
				+ "while the acknowledgement is still on its way back through weather-ingest-service and the gateway "
				+ "(negative differences count as 0).");
		notes.add("Catch-up: " + String.join(" and ", settings.consumingParts()) + " stopped, the backlog written straight to weather.readings "
				+ "(as stations writing directly do, CloudEvents headers through the contract's serializer), the service "
				+ "started again; rate = backlog / (time of last commit - time of first commit). Ratio against "
				+ "ConsumerPerformance run just before.");
		notes.add("Footprint: start = LocalPlatform.start, the same code ./run.sh runs, from launch to every part ready "
				+ "(without the Maven build). RSS = VmRSS from /proc of the process listening on each part's port; idle "
				+ "after start-up, peak under load sampled every 0.5 s through all rounds (total = peak of the sum).");
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void sleep(Duration duration) throws InterruptedException {
		Thread.sleep(duration.toMillis());
	}

}
