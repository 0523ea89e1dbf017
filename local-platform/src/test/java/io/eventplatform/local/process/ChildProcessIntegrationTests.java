package io.eventplatform.local.process;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.eventplatform.local.standin.CrashingApplication;
import io.eventplatform.local.standin.HangingApplication;
import io.eventplatform.local.standin.StandInApplication;
import io.eventplatform.local.standin.WatchedApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class ChildProcessIntegrationTests {

	@TempDir
	Path temp;

	@Test
	void appendsToTheLogButReportsOnlyWhatThisRunWrote() throws Exception {
		// Given a log from an earlier run
		Path log = temp.resolve("logs/part.log");
		Files.createDirectories(log.getParent());
		Files.writeString(log, "a line from yesterday\n");

		// When
		ChildProcess child = ChildProcess.start("part", java(CrashingApplication.class), temp, log, Instant.now());
		await().atMost(Duration.ofSeconds(20)).until(() -> !child.isAlive());

		// Then
		assertThat(child.exitCode()).isEqualTo(1);
		assertThat(child.logTail(40)).containsExactly("Starting application",
				"APPLICATION FAILED TO START: simulated start-up failure");
		assertThat(child.logTail(1)).containsExactly("APPLICATION FAILED TO START: simulated start-up failure");
		assertThat(log).content().startsWith("a line from yesterday\n").contains("starting part");
	}

	@Test
	void killsAProcessThatDoesNotStopWithinItsGracePeriod() {
		// Given a process whose shutdown never completes
		ChildProcess stubborn = ChildProcess.start("stubborn",
				java(StandInApplication.class, "--name=stubborn", "--server.port=0", "--platform.data-dir=" + temp,
						"--ignore-sigterm"),
				temp, temp.resolve("stubborn.log"), Instant.now());
		await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(temp.resolve("stand-in-events.log")));

		// When
		stubborn.stop(Duration.ofMillis(500));

		// Then
		assertThat(stubborn.isAlive()).isFalse();
		assertThat(temp.resolve("stand-in-events.log")).content().contains("stopped stubborn");
	}

	@Test
	void killsAProcessAtOnceWithoutRunningItsShutdown() {
		// Given a running process
		ChildProcess child = ChildProcess.start("crashing",
				java(StandInApplication.class, "--name=crashing", "--server.port=0", "--platform.data-dir=" + temp),
				temp, temp.resolve("crashing.log"), Instant.now());
		await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(temp.resolve("stand-in-events.log")));

		// When
		child.kill();

		// Then it is gone, as after a crash: SIGKILL, and no graceful shutdown ran
		assertThat(child.isAlive()).isFalse();
		assertThat(child.exitCode()).isEqualTo(137);
		assertThat(temp.resolve("stand-in-events.log")).content().doesNotContain("stopped crashing");
	}

	@Test
	void runsInASessionOfItsOwnSoTheTerminalsCtrlCReachesOnlyTheLauncher() throws Exception {
		// Given
		ChildProcess child = ChildProcess.start("hanging", java(HangingApplication.class), temp,
				temp.resolve("hanging.log"), Instant.now());
		try {
			// Then the process is the JVM itself once setsid has replaced itself, not a wrapper that would swallow signals
			await().atMost(Duration.ofSeconds(10))
				.untilAsserted(() -> assertThat(ProcessHandle.of(child.pid()).flatMap(handle -> handle.info().command()))
					.hasValueSatisfying(command -> assertThat(command).endsWith("java")));
			// and, where Linux tells, it leads a session of its own
			Path stat = Path.of("/proc/" + child.pid() + "/stat");
			assumeTrue(Files.exists(stat), "no /proc to read the session from");
			String[] fields = Files.readString(stat).replaceFirst("^.*\\) ", "").split(" ");
			assertThat(Long.parseLong(fields[3])).as("session id").isEqualTo(child.pid());
		}
		finally {
			child.stop(Duration.ofSeconds(5));
		}
	}

	@Test
	void endsAChildWhoseLauncherHasEnded() {
		// Given a child watching a stand-in launcher
		ChildProcess launcher = ChildProcess.start("launcher", java(HangingApplication.class), temp,
				temp.resolve("launcher.log"), Instant.now());
		ChildProcess child = ChildProcess.start("watched",
				java(WatchedApplication.class, "--" + ParentWatchdog.OPTION + "=" + launcher.pid()), temp,
				temp.resolve("watched.log"), Instant.now());
		await().atMost(Duration.ofSeconds(20)).until(() -> child.logTail(5).contains("Watching my parent"));

		// When the launcher is killed without a chance to stop its children
		launcher.stop(Duration.ZERO);

		// Then
		await().atMost(Duration.ofSeconds(20)).until(() -> !child.isAlive());
		assertThat(child.exitCode()).isZero();
	}

	private static List<String> java(Class<?> mainClass, String... args) {
		return JavaCommand.mainClass(List.of("-Xmx32m", "-XX:TieredStopAtLevel=1"), mainClass, List.of(args));
	}

}
