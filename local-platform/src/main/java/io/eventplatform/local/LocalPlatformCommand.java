package io.eventplatform.local;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

import io.eventplatform.local.demo.DemoTrafficGenerator;
import io.eventplatform.local.demo.UserRegistrations;
import io.eventplatform.local.monitoring.LocalMonitoring;

/**
 * {@code ./run.sh}: starts the platform from the current directory, prints where everything is, and runs until
 * Ctrl-C, which stops the parts in order.
 */
public final class LocalPlatformCommand {

	static final String USAGE = """
			Usage: ./run.sh [--no-build] [--demo] [--brokers 1|3] [--data-dir <path>] [--listen <address>]

			Starts a Kafka broker, a mail server, the six services and the gateway on this machine, and, where
			installed (Debian: apt-get install prometheus prometheus-alertmanager), Prometheus on port 9090 and
			Alertmanager on 9098, which mails alerts to the operations address. Everything listens on the
			loopback interface (127.0.0.1) only.

			  --no-build          skip the Maven build (run.sh only)
			  --demo              once started, register a simulated user through the gateway every 1.5 s
			  --brokers 1|3       one Kafka broker (default), or a cluster of three on ports 9092 to 9097 with
			                      replication factor 3 and min.insync.replicas 2 (data in <data-dir>/kafka-cluster)
			  --data-dir <path>   where the broker, the services and the logs keep their data (default: ./data)
			  --listen <address>  let the gateway listen on this IP address instead (0.0.0.0: every interface);
			                      it then refuses the development secrets, as in production: give every client
			                      its own, e.g. PLATFORM_SECURITY_CLIENTS_DEMO_CLIENT_SECRET='{bcrypt}$2a$10$...'
			  --help              show this text
			""";

	private static final Duration USER_INTERVAL = Duration.ofMillis(1500);

	private LocalPlatformCommand() {
	}

	/** Before any logger exists: the launcher's terminal is for progress lines, not for the Kafka client's logs. */
	static void useLauncherLogging() {
		if (System.getProperty("logback.configurationFile") == null) {
			System.setProperty("logback.configurationFile", "io/eventplatform/local/launcher-logback.xml");
		}
	}

	public static void main(String[] args) throws InterruptedException {
		useLauncherLogging();
		PrintStream console = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
		Clock clock = Clock.systemUTC();
		Options options;
		try {
			options = Options.parse(args);
		}
		catch (IllegalArgumentException ex) {
			System.err.println(ex.getMessage());
			System.err.print(USAGE);
			System.exit(2);
			return;
		}
		if (options.help()) {
			console.print(USAGE);
			return;
		}

		PlatformSettings settings = PlatformSettings.defaults(Path.of("").toAbsolutePath());
		if (options.dataDir().isPresent()) {
			settings = settings.withDataDir(options.dataDir().get());
		}
		try {
			settings = settings.withBrokers(options.brokers());
		}
		catch (IllegalArgumentException ex) {
			System.err.println(ex.getMessage());
			System.exit(2);
			return;
		}
		if (options.listen().isPresent()) {
			try {
				settings = settings.withGatewayAddress(options.listen().get());
			}
			catch (IllegalArgumentException ex) {
				System.err.println(ex.getMessage());
				System.exit(2);
				return;
			}
		}
		if (options.demo() && settings.gatewayExposed()) {
			System.err.println("--demo signs in with the development secrets, which an exposed gateway refuses; "
					+ "leave out --listen or --demo.");
			System.exit(2);
			return;
		}
		// Monitoring comes with the platform where Prometheus is installed; without it, the platform runs on.
		if (LocalMonitoring.prometheusBinary().isPresent()) {
			settings = settings.withMonitoring(true);
		}
		else {
			console.println(LocalMonitoring.installHint());
		}
		LocalPlatform platform;
		try {
			platform = LocalPlatform.start(settings, console, clock);
		}
		catch (PlatformStartupException ex) {
			System.err.println();
			System.err.println("✖ " + ex.getMessage());
			System.exit(1);
			return;
		}
		StartupSummary.lines(platform).forEach(console::println);
		if (options.demo()) {
			DemoTrafficGenerator demo = DemoTrafficGenerator.start(platform.gatewayUrl(), DevClients.DEMO_CLIENT_ID,
					DevClients.DEMO_CLIENT_SECRET, List.of(new UserRegistrations(USER_INTERVAL)), console, clock);
			Runtime.getRuntime().addShutdownHook(new Thread(demo::close, "demo-traffic-shutdown"));
		}
		console.println("Press Ctrl-C to stop.");
		// The platform's shutdown hook does the stopping; this thread only keeps the launcher alive until then.
		new CountDownLatch(1).await();
	}

	/**
	 * The command line.
	 *
	 * @param demo whether to send demo traffic once started
	 * @param dataDir where to keep data instead of {@code ./data}
	 * @param help whether only the usage was asked for
	 * @param listen the address the gateway listens on instead of the loopback interface
	 * @param brokers how many Kafka nodes run: 1 or 3
	 */
	record Options(boolean demo, Optional<Path> dataDir, boolean help, Optional<String> listen, int brokers) {

		static Options parse(String... args) {
			boolean demo = false;
			boolean help = false;
			Optional<Path> dataDir = Optional.empty();
			Optional<String> listen = Optional.empty();
			int brokers = 1;
			for (int i = 0; i < args.length; i++) {
				switch (args[i]) {
					case "--demo" -> demo = true;
					case "--help", "-h" -> help = true;
					case "--data-dir" -> {
						if (i + 1 >= args.length) {
							throw new IllegalArgumentException("--data-dir needs a path");
						}
						dataDir = Optional.of(Path.of(args[++i]));
					}
					case "--brokers" -> {
						if (i + 1 >= args.length) {
							throw new IllegalArgumentException("--brokers needs a number, 1 or 3");
						}
						brokers = brokers(args[++i]);
					}
					case "--listen" -> {
						if (i + 1 >= args.length) {
							throw new IllegalArgumentException("--listen needs an IP address, e.g. 0.0.0.0");
						}
						listen = Optional.of(args[++i]);
					}
					default -> {
						if (args[i].startsWith("--data-dir=")) {
							dataDir = Optional.of(Path.of(args[i].substring("--data-dir=".length())));
						}
						else if (args[i].startsWith("--brokers=")) {
							brokers = brokers(args[i].substring("--brokers=".length()));
						}
						else if (args[i].startsWith("--listen=")) {
							listen = Optional.of(args[i].substring("--listen=".length()));
						}
						else {
							throw new IllegalArgumentException("Unknown option: " + args[i]);
						}
					}
				}
			}
			return new Options(demo, dataDir, help, listen, brokers);
		}

		private static int brokers(String value) {
			if (!value.equals("1") && !value.equals("3")) {
				throw new IllegalArgumentException("--brokers must be 1 or 3, not '" + value + "'");
			}
			return Integer.parseInt(value);
		}

	}

}
