package io.eventplatform.local.process;

import java.time.Duration;
import java.util.Optional;

/**
 * Ends a child process when the launcher that started it is gone.
 * <p>
 * The launcher stops its children from a shutdown hook, but a launcher killed with {@code SIGKILL} runs no hooks;
 * without this, a broker or mail server would keep the ports busy and the next {@code ./run.sh} would fail.
 */
public final class ParentWatchdog {

	/** Name of the option that carries the launcher's process id. */
	public static final String OPTION = "parent-pid";

	private static final Duration CHECK_INTERVAL = Duration.ofSeconds(2);

	private ParentWatchdog() {
	}

	/** The option to pass to a child so that it watches this process. */
	public static String optionForCurrentProcess() {
		return "--" + OPTION + "=" + ProcessHandle.current().pid();
	}

	/**
	 * Starts a daemon thread that calls {@link System#exit(int)} (so the child's own shutdown hooks run) once the
	 * given process has ended. Does nothing when no parent was given.
	 */
	public static void exitWhenParentEnds(ChildArguments arguments) {
		String pid = arguments.optional(OPTION, "");
		if (pid.isBlank()) {
			return;
		}
		Optional<ProcessHandle> parent = ProcessHandle.of(Long.parseLong(pid));
		if (parent.isEmpty()) {
			System.exit(0);
		}
		Thread watchdog = new Thread(() -> watch(parent.get()), "parent-watchdog");
		watchdog.setDaemon(true);
		watchdog.start();
	}

	private static void watch(ProcessHandle parent) {
		try {
			while (parent.isAlive()) {
				Thread.sleep(CHECK_INTERVAL.toMillis());
			}
			System.out.println("The launcher (pid " + parent.pid() + ") has ended: stopping.");
			System.exit(0);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
