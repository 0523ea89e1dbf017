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
import java.util.OptionalDouble;
import java.util.stream.Collectors;

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
import io.eventplatform.benchmarks.report.CpuPerEvent;
import io.eventplatform.benchmarks.report.Machine;
import io.eventplatform.benchmarks.report.PlatformJvm;
import io.eventplatform.benchmarks.report.ReportWriter;
import io.eventplatform.benchmarks.report.Results;
import io.eventplatform.benchmarks.report.Results.NotRun;
import io.eventplatform.benchmarks.report.Summary;
import io.eventplatform.benchmarks.report.Target.Comparison;
import io.eventplatform.benchmarks.warmup.Slice;
import io.eventplatform.benchmarks.warmup.SteadyState;
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

	static final String CPU_INGEST_SINGLE = "cpu.weather-ingest.single";

	static final String CPU_GATEWAY_CALL = "cpu.gateway.call";

	static final String CPU_INGEST_BATCH = "cpu.weather-ingest.batch";

	static final String CPU_ANALYTICS = "cpu.analytics";

	static final String CPU_WAREHOUSE = "cpu.warehouse";

	/**
	 * The same while draining a backlog at full speed, warm (the backlog written while they run): the steady cost per
	 * reading, the issue's target.
	 */
	static final String CPU_ANALYTICS_WARM_CATCH_UP = "cpu.analytics.catch-up.warm";

	static final String CPU_WAREHOUSE_WARM_CATCH_UP = "cpu.warehouse.catch-up.warm";

	/** The same after a restart of the consumers: their start and JIT warm-up included. */
	static final String CPU_ANALYTICS_CATCH_UP = "cpu.analytics.catch-up";

	static final String CPU_WAREHOUSE_CATCH_UP = "cpu.warehouse.catch-up";

	/** A target is warmed up once it reaches this fraction of its steady rate. */
	static final double WARMED_UP = 0.9;

	/** The heading of each figure's CPU table. */
	private static final Map<String, String> CPU_TABLES = Map.of("H", "H: trivial endpoint, direct", "R",
			"R: single readings direct to weather-ingest", "G", "G: single readings through the gateway", "N",
			"N: single readings through nginx", "B", "B: batches direct to weather-ingest");

	private static final String CPU_TABLE_E2E = "E2E: readings through the gateway at half of G, until every consumer "
			+ "took effect";

	private static final String CPU_TABLE_WARM_CATCH_UP = "Catch-up, warm: backlog written while the consumers run, "
			+ "until drained";

	private static final String CPU_TABLE_CATCH_UP = "Catch-up after a restart: backlog written, consumers restarted "
			+ "and drained (their start included)";

	private final BenchmarkSettings settings;

	private final PrintStream out;

	private final Results results = new Results();

	private final List<String> notes = new ArrayList<>();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	/** Each part's CPU time, to split every measured run by process; set once the platform runs. */
	private CpuAccount cpu = new CpuAccount(Map.of());

	/** What each part spent per request or reading, per figure and run. */
	private final CpuPerEvent cpuPerEvent = new CpuPerEvent();

	/** Each HTTP target's rates from its first request on: the warm-up slices, then its measured runs. */
	private final Map<String, List<Slice>> loadSeries = new LinkedHashMap<>();

	/** When each HTTP target got its first request ({@link System#nanoTime()}). */
	private final Map<String, Long> firstRequest = new LinkedHashMap<>();

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
			for (String key : List.of("H", "R", "G", "N", "B", "ratio.R/H", "ratio.G/R", "ratio.G/N", "ratio.B/K",
					"warmup.H", "warmup.R", "warmup.G", "warmup.N", "warmup.B", CPU_INGEST_SINGLE, CPU_GATEWAY_CALL,
					CPU_INGEST_BATCH)) {
				results.notRun(key, NotRun.TOOL_MISSING, "wrk is not installed (Debian: apt-get install wrk)");
			}
		}
		else if (!nginx) {
			results.notRun("N", NotRun.TOOL_MISSING, "nginx is not installed (Debian: apt-get install nginx)");
			results.notRun("ratio.G/N", NotRun.TOOL_MISSING, "nginx is not installed (Debian: apt-get install nginx)");
			results.notRun("warmup.N", NotRun.TOOL_MISSING, "nginx is not installed (Debian: apt-get install nginx)");
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
			PlatformJvm platformJvm = settings.attach() == null
					? PlatformJvm.current(settings.projectDir(), PARTS.subList(2, PARTS.size())) : null;
			ReportWriter.write(settings.outputDir(), machine, platformJvm, settings.describe(), results.figures(),
					cpuPerEvent.tables(), notes, clock.instant());
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
				// In this order each service's first load is its own figure's: R warms weather-ingest before G adds the gateway.
				targets.forEach((key, url) -> warmUp(key, key.equals("B") ? batchWrk : wrk, url,
						key.equals("B") ? batches : singles, token, key.equals("B") ? settings.batchSize() : 1));
			}
			Map<String, String> groups = consumerGroups(gateway, bootstrap);

			memory.startSampling();
			for (int round = 1; round <= settings.repeats(); round++) {
				out.printf("▸ round %d of %d%n", round, settings.repeats());
				round(round, kafka, wrkInstalled ? wrk : null, batchWrk, targets, singles, batches, gateway, groups,
						bootstrap);
			}
			if (wrkInstalled) {
				warmUpTimes();
			}
			memory.close();
			memory.peakKib().forEach((part, kib) -> results.sample("footprint.rss.load." + part, kib / 1024.0));
			results.sample("footprint.rss.load.total", memory.peakTotalKib() / 1024.0);

			if (platform == null) {
				for (String label : List.of("analytics", "warehouse")) {
					for (String key : List.of("catchup." + label, "ratio.catchup." + label, "catchup.warm." + label,
							"ratio.catchup.warm." + label)) {
						results.notRun(key, NotRun.ATTACHED,
								"attached to a running platform: the harness neither stops and starts its consumers nor "
										+ "writes to its topics");
					}
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
				long start = System.nanoTime();
				WrkResult result = batch ? batchWrk.post(target.getValue(), batches, token, batchDuration())
						: wrk.post(target.getValue(), singles, token, settings.duration());
				long end = System.nanoTime();
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
				slice(key, start, end, rate);
				double units = result.requests() * (batch ? settings.batchSize() : 1.0);
				cpuPerEvent.record(CPU_TABLES.getOrDefault(key, key), batch ? "reading" : "request", cpuUsed, units);
				switch (key) {
					case "R" -> cpuSample(CPU_INGEST_SINGLE, cpuUsed, "weather-ingest-service", units);
					case "G" -> cpuSample(CPU_GATEWAY_CALL, cpuUsed, "gateway", units);
					case "B" -> cpuSample(CPU_INGEST_BATCH, cpuUsed, "weather-ingest-service", units);
					default -> {
					}
				}
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
		awaitBacklogProcessed(round, bootstrap, groups);
		Map<String, Duration> cpuBefore = cpu.snapshot();
		EndToEndLatency.Result e2e = new EndToEndLatency(bootstrap, clock).measure(gateway.resolve(READINGS_PATH),
				token(gateway), groups, rate, settings.e2eDuration(), Duration.ofSeconds(settings.smoke() ? 60 : 120));
		Map<String, Duration> cpuUsed = CpuAccount.between(cpuBefore, cpu.snapshot());
		cpuPerEvent.record(CPU_TABLE_E2E, "reading", cpuUsed, e2e.accepted());
		if (groups.containsKey("analytics")) {
			cpuSample(CPU_ANALYTICS, cpuUsed, "analytics-service", e2e.accepted());
		}
		if (groups.containsKey("warehouse")) {
			cpuSample(CPU_WAREHOUSE, cpuUsed, "warehouse-service", e2e.accepted());
		}
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

	/**
	 * Loads one target in slices of {@code --warmup-slice} until its rate is steady or {@code --warmup-max} has passed.
	 * The slices are this target's first requests since the platform (or the baseline) started: they are the start of
	 * its warm-up series, from which its time to 90 % of the steady rate is read once the rounds have measured that rate.
	 */
	private void warmUp(String key, Wrk wrk, URI url, List<String> bodies, String token, int perRequest) {
		out.printf("▸ warming up %s: slices of %d s until steady, at most %d s%n", key,
				settings.warmupSlice().toSeconds(), settings.warmupMax().toSeconds());
		SteadyState steadyState = SteadyState.standard();
		List<Double> rates = new ArrayList<>();
		long first = System.nanoTime();
		firstRequest.put(key, first);
		long errors = 0;
		String ended = "the maximum of " + settings.warmupMax().toSeconds() + " s was reached before the rate was steady";
		while (true) {
			long start = System.nanoTime();
			WrkResult result = wrk.post(url, bodies, token, settings.warmupSlice());
			long end = System.nanoTime();
			// Errors answered fast would look like throughput: only what was accepted counts.
			double accepted = result.requests() <= 0 ? 0
					: Math.max(0, result.requests() - result.errors()) / (double) result.requests();
			double rate = result.requestsPerSecond() * accepted * perRequest;
			errors += result.errors();
			rates.add(rate);
			slice(key, start, end, rate);
			Optional<String> steady = steadyState.steady(rates);
			if (steady.isPresent()) {
				ended = steady.get();
				break;
			}
			if (end - first >= settings.warmupMax().toNanos()) {
				break;
			}
		}
		double seconds = (System.nanoTime() - first) / 1e9;
		out.printf("  %s warm-up: %s after %.0f s, rates %s%n", key, ended, seconds, formatRates(rates));
		results.detail("warmup." + key, "warm-up slices' rates (per s)", formatRates(rates));
		results.detail("warmup." + key, "warm-up ended", String.format(Locale.ROOT, "%s, after %.1f s%s", ended, seconds,
				errors > 0 ? ", " + errors + " errors not counted" : ""));
	}

	/** Each target's time from its first request to 90 % of its figure's median (the steady rate). */
	private void warmUpTimes() {
		loadSeries.forEach((key, slices) -> {
			List<Double> measured = results.samples(key);
			if (measured.isEmpty()) {
				results.notRun("warmup." + key, NotRun.FAILED, key + " itself was not measured: no steady rate");
				return;
			}
			double steady = Summary.of(measured).median();
			OptionalDouble reached = SteadyState.timeToReach(slices, steady, WARMED_UP);
			results.detail("warmup." + key, "steady rate (median of " + key + ")", ReportWriter.format(steady));
			if (reached.isPresent()) {
				results.sample("warmup." + key, reached.getAsDouble());
			}
			else {
				results.notRun("warmup." + key, NotRun.FAILED, "no slice reached 90 % of " + key + "'s median");
			}
		});
	}

	private void slice(String key, long startNanos, long endNanos, double rate) {
		Long first = firstRequest.get(key);
		if (first != null) {
			loadSeries.computeIfAbsent(key, k -> new ArrayList<>())
				.add(new Slice((startNanos - first) / 1e9, (endNanos - first) / 1e9, rate));
		}
	}

	private static String formatRates(List<Double> rates) {
		return rates.stream().map(ReportWriter::format).collect(Collectors.joining(", "));
	}

	/** A part's CPU time per unit of work, in µs, as a figure of its own (one sample per run). */
	private void cpuSample(String key, Map<String, Duration> used, String part, double units) {
		Duration spent = used.get(part);
		if (spent != null && units > 0) {
			results.sample(key, spent.toNanos() / 1e3 / units);
		}
	}

	/**
	 * The readings R, G, N and B left queued for the consumers: E2E (its latencies and its CPU per reading) is measured
	 * on consumers that have caught up, not on a backlog.
	 */
	private void awaitBacklogProcessed(int round, String bootstrap, Map<String, String> groups)
			throws InterruptedException {
		try (ConsumerGroups offsets = new ConsumerGroups(bootstrap, Topics.WEATHER_READINGS.name())) {
			long start = System.nanoTime();
			List<String> behind = offsets.awaitCaughtUp(List.copyOf(groups.values()),
					settings.smoke() ? Duration.ofSeconds(60) : Duration.ofMinutes(15));
			results.detail("E2E.rate", "round " + round + ", backlog", String.format(Locale.ROOT,
					"consumers caught up with the readings of R, G, N and B in %.1f s%s", (System.nanoTime() - start) / 1e9,
					behind.isEmpty() ? "" : "; still behind: " + behind));
		}
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
		// A timeout only: a restart may take minutes on a busy machine, then draining at 200 readings/s at worst.
		Duration timeout = Duration.ofMinutes(10).plusSeconds(Math.max(300, settings.backlog() / 200));
		for (int repetition = 1; repetition <= settings.catchUpRepeats(); repetition++) {
			int i = repetition;
			// The consumer tool right before, on the same machine state, for the ratios.
			KafkaTools.ConsumerResult tool = kafka.consume(KAFKA_TOOLS_TOPIC, settings.kafkaRecords());

			out.printf("▸ catch-up %d of %d, warm: %d readings written while %s run%n", i, settings.catchUpRepeats(),
					settings.backlog(), consumingParts);
			Map<String, Duration> cpuBefore = cpu.snapshot();
			CatchUp.Result warm = catchUp.measureWarm(settings.backlog(), groups, timeout);
			Map<String, Duration> cpuUsed = CpuAccount.between(cpuBefore, cpu.snapshot());
			cpuPerEvent.record(CPU_TABLE_WARM_CATCH_UP, "reading", cpuUsed, settings.backlog());
			cpuSample(CPU_ANALYTICS_WARM_CATCH_UP, cpuUsed, "analytics-service", settings.backlog());
			cpuSample(CPU_WAREHOUSE_WARM_CATCH_UP, cpuUsed, "warehouse-service", settings.backlog());
			results.detail("catchup.warm.analytics", "run " + i + ", CPU (writing the backlog included)",
					CpuAccount.perUnit(cpuUsed, settings.backlog(), "reading"));
			catchUpRates(warm, "catchup.warm.", "warm", tool, i, String.format(Locale.ROOT,
					"backlog written in %.1f s while %s ran", warm.produceSeconds(), consumingParts));

			out.printf("▸ catch-up %d of %d, after a restart: %d readings with %s stopped%n", i,
					settings.catchUpRepeats(), settings.backlog(), consumingParts);
			cpuBefore = cpu.snapshot();
			CatchUp.Result result = catchUp.measureAfterRestart(settings.backlog(), groups, timeout);
			Map<String, Duration> cpuAfter = cpu.snapshot();
			Map<String, Duration> restartCpu = new LinkedHashMap<>(CpuAccount.between(cpuBefore, cpuAfter));
			// The consuming part is a new process: all its CPU time since its restart (its start included).
			settings.consumingParts()
				.forEach(part -> Optional.ofNullable(cpuAfter.get(part)).ifPresent(used -> restartCpu.put(part, used)));
			cpuPerEvent.record(CPU_TABLE_CATCH_UP, "reading", restartCpu, settings.backlog());
			cpuSample(CPU_ANALYTICS_CATCH_UP, restartCpu, "analytics-service", settings.backlog());
			cpuSample(CPU_WAREHOUSE_CATCH_UP, restartCpu, "warehouse-service", settings.backlog());
			results.detail("catchup.analytics", "run " + i + ", CPU (writing the backlog, and "
					+ consumingParts + "' restart, included)",
					CpuAccount.perUnit(restartCpu, settings.backlog(), "reading"));
			catchUpRates(result, "catchup.", "after a restart", tool, i, String.format(Locale.ROOT,
					"backlog written in %.1f s; %s restarted and ready in %.1f s", result.produceSeconds(),
					consumingParts, result.restartSeconds()));
		}
	}

	private void catchUpRates(CatchUp.Result result, String prefix, String mode, KafkaTools.ConsumerResult tool,
			int run, String how) {
		result.groups().forEach((label, group) -> {
			results.detail(prefix + label, "run " + run, how + String.format(Locale.ROOT, "; %sdrained %s s after %s",
					group.firstCommitSeconds().map(s -> String.format(Locale.ROOT, "first commit %.1f s, ", s)).orElse(""),
					group.secondsFromStart().map(s -> String.format(Locale.ROOT, "%.1f", s)).orElse("never"),
					result.restartSeconds() > 0 ? "its start" : "the start of writing"));
			group.readingsPerSecond().ifPresentOrElse(rate -> {
				out.printf("  %s (%s) drained %d readings at %.0f/s (consumer tool %.0f/s)%n", label, mode,
						result.backlog(), rate, tool.fetchRecordsPerSecond());
				results.sample(prefix + label, rate);
				results.sample("ratio." + prefix + label, rate / tool.fetchRecordsPerSecond());
			}, () -> results.detail(prefix + label, "run " + run + " failed", "did not drain in time"));
		});
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
						"catchup." + label, "ratio.catchup." + label, "catchup.warm." + label,
						"ratio.catchup.warm." + label, label.equals("analytics") ? CPU_ANALYTICS : CPU_WAREHOUSE,
						label.equals("analytics") ? CPU_ANALYTICS_CATCH_UP : CPU_WAREHOUSE_CATCH_UP,
						label.equals("analytics") ? CPU_ANALYTICS_WARM_CATCH_UP : CPU_WAREHOUSE_WARM_CATCH_UP)) {
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
		// The issue's targets (issue 18): CPU per event of each part, throughput, latency, warm-up and footprint.
		results.declare(CPU_INGEST_SINGLE, "CPU: weather-ingest per single reading (during R)", "µs");
		results.target(CPU_INGEST_SINGLE, Comparison.AT_MOST, 150);
		results.declare(CPU_GATEWAY_CALL, "CPU: gateway per forwarded call (during G)", "µs");
		results.target(CPU_GATEWAY_CALL, Comparison.AT_MOST, 150);
		results.declare(CPU_INGEST_BATCH, "CPU: weather-ingest per reading in batches of " + settings.batchSize()
				+ " (during B)", "µs");
		results.target(CPU_INGEST_BATCH, Comparison.AT_MOST, 10);
		// Steady state, as the targets are: consumers that keep running while a backlog arrives faster than they read.
		results.declare(CPU_ANALYTICS_WARM_CATCH_UP,
				"CPU: analytics (Kafka Streams) per reading (warm catch-up, at full speed)", "µs");
		results.target(CPU_ANALYTICS_WARM_CATCH_UP, Comparison.AT_MOST, 40);
		results.declare(CPU_WAREHOUSE_WARM_CATCH_UP, "CPU: warehouse per reading (warm catch-up, at full speed)",
				"µs");
		results.target(CPU_WAREHOUSE_WARM_CATCH_UP, Comparison.AT_MOST, 20);
		// After a restart: the new JVMs' start and JIT warm-up weigh on the drain; no target, shown beside.
		results.declare(CPU_ANALYTICS_CATCH_UP,
				"CPU: analytics (Kafka Streams) per reading (catch-up after a restart, its start included)", "µs");
		results.declare(CPU_WAREHOUSE_CATCH_UP,
				"CPU: warehouse per reading (catch-up after a restart, its start included)", "µs");
		// At half of G most of a second is idle: the fixed work per poll and commit weighs on few readings.
		results.declare(CPU_ANALYTICS, "CPU: analytics (Kafka Streams) per reading (during E2E, at half of G)", "µs");
		results.declare(CPU_WAREHOUSE, "CPU: warehouse per reading (during E2E, at half of G)", "µs");
		results.declare("footprint.startup", "Footprint: start to all parts ready", "s");
		results.target("footprint.startup", Comparison.AT_MOST, 25);
		results.declare("K.producer", "K: ProducerPerformance, 1 KB, acks=all, idempotent", "records/s");
		results.declare("K.consumer", "K: ConsumerPerformance (fetch rate)", "records/s");
		results.declare("H", "H: trivial endpoint on the services' stack, direct", "requests/s");
		results.declare("R", "R: single readings direct to weather-ingest", "readings/s");
		results.declare("G", "G: single readings through the gateway", "readings/s");
		results.declare("N", "N: single readings through nginx (keep-alive)", "readings/s");
		results.target("G", Comparison.AT_LEAST, 2000);
		results.declare("B", "B: batches of " + settings.batchSize() + " direct to weather-ingest", "readings/s");
		results.target("B", Comparison.AT_LEAST, 50_000);
		for (String key : List.of("H", "R", "G", "N", "B")) {
			results.declare("warmup." + key, "Warm-up: " + key + " to 90 % of steady", "s");
		}
		// The platform's own figures; H is the baseline application and N reaches a weather-ingest R already warmed.
		for (String key : List.of("R", "G", "B")) {
			results.target("warmup." + key, Comparison.AT_MOST, 30);
		}
		// The earlier targets, kept as figures beside the new ones.
		results.declare("ratio.R/H", "R/H", "ratio");
		results.declare("ratio.G/R", "G/R", "ratio");
		results.declare("ratio.G/N", "G/N", "ratio");
		results.declare("ratio.B/K", "B/K (readings/s over ProducerPerformance records/s)", "ratio");
		results.declare("E2E.rate", "E2E: request rate (half of G)", "readings/s");
		for (String label : List.of("analytics", "warehouse")) {
			String effect = label.equals("analytics") ? "aggregate updated" : "row written";
			results.declare("E2E." + label + ".p50", "E2E p50: 202 to " + label + " " + effect, "ms");
			results.declare("E2E." + label + ".p99", "E2E p99: 202 to " + label + " " + effect, "ms");
			if (label.equals("analytics")) {
				results.target("E2E." + label + ".p50", Comparison.AT_MOST, 25);
				results.target("E2E." + label + ".p99", Comparison.AT_MOST, 100);
			}
			results.declare("E2E." + label + ".p999", "E2E p99.9: 202 to " + label + " " + effect, "ms");
		}
		for (String label : List.of("analytics", "warehouse")) {
			results.declare("catchup.warm." + label, "Catch-up: " + label + " draining the backlog, warm", "readings/s");
			results.target("catchup.warm." + label, Comparison.AT_LEAST, 20_000);
			results.declare("catchup." + label, "Catch-up: " + label + " draining the backlog after a restart",
					"readings/s");
			results.declare("ratio.catchup.warm." + label, "Catch-up " + label + ", warm / ConsumerPerformance",
					"ratio");
			results.declare("ratio.catchup." + label, "Catch-up " + label + " after a restart / ConsumerPerformance",
					"ratio");
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
		notes.add("E2E: once both consumer groups have processed what R, G, N and B left queued (so the latencies are not "
				+ "those of a backlog), readings sent through the gateway at a fixed (open-loop) rate of half of G of the same round; "
				+ "every reading followed (not a sample). The effect time is when the consumer group's committed offset "
				+ "passes the reading's offset, seen by polling the committed offsets every 5 ms (the resolution): for Kafka "
				+ "Streams (exactly-once) that commit is the transaction that writes the aggregate's changelog; for the "
				+ "warehouse listener the offset is committed after the row was written. A query endpoint would add its "
				+ "own polling and HTTP time; a database column would need the warehouse schema. A latency of 0 means the "
				+ "effect was committed before the 202 reached the client: the warehouse listener often writes the row "
				+ "while the acknowledgement is still on its way back through weather-ingest-service and the gateway "
				+ "(negative differences count as 0).");
		notes.add("Catch-up: a backlog written straight to weather.readings (as stations writing directly do, "
				+ "CloudEvents headers through the contract's serializer), at about ten times the rate the consumers "
				+ "read, twice per repetition. Warm: " + String.join(" and ", settings.consumingParts())
				+ " keep running, rate = backlog / (time of the group's last commit - start of writing), the steady "
				+ "rate of a consumer that fell behind (a burst, a slow minute) and the figure the targets read. "
				+ "After a restart: they are stopped, the backlog written, they are started again; rate = backlog / "
				+ "(time of last commit - time of first commit), with the new JVMs' JIT warm-up inside it. Ratios "
				+ "against ConsumerPerformance run just before.");
		notes.add("Warm-up: instead of a fixed warm-up, each target (in the order H, R, G, N, B) gets wrk runs of "
				+ settings.warmupSlice().toSeconds() + " s until its rate is steady (the last 3 within 5 % of each other, "
				+ "or 6 in a row without raising the maximum by more than 5 %), at most " + settings.warmupMax().toSeconds()
				+ " s; the rates of these slices are in the details. The warm-up figure is the time from the target's "
				+ "first request to the end of the first run (warm-up slice or, if none got there, measured run of a "
				+ "round) whose rate reached 90 % of the figure's median, its steady rate; it errs by at most one slice "
				+ "towards longer. Only a service's first load after the start shows its warm-up, so it is measured on "
				+ "the first slices each target gets after the platform's start: R is weather-ingest-service's first "
				+ "load (its JVM is the coldest), G the gateway's (weather-ingest already warm from R), B weather-ingest's "
				+ "batch path (the single-reading code it shares is warm), N adds only nginx to a warm weather-ingest, "
				+ "and H is the baseline application's first load since its own start. The time is wall-clock, so it "
				+ "includes waiting for a core on this 2-core machine, and with the platform started "
				+ settings.startups() + " time(s) it is measured after the last start.");
		notes.add("CPU per event: each part's CPU time (user and system, from /proc through ProcessHandle, the process "
				+ "found by its listening port) between just before and just after each measured run, divided by the "
				+ "requests (or readings, for B, E2E and catch-up) completed in it; the tables give the median over the "
				+ "runs counted for the figure. The CPU targets read these tables: weather-ingest during R, the gateway "
				+ "during G, weather-ingest per reading during B, analytics-service and warehouse-service during the "
				+ "warm catch-up, where their JVMs are warm and they read as fast as they can (the writing of the "
				+ "backlog shares the cores meanwhile). During E2E, at half of G, most of each second is idle and the "
				+ "fixed work per poll and commit weighs on few readings; after a restart the consumers are new "
				+ "processes, so their start and their JIT's warm-up are in that table.");
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
