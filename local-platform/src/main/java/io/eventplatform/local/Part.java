package io.eventplatform.local;

import java.nio.file.Path;
import java.util.List;

import io.eventplatform.local.process.Readiness;

/**
 * One process of the platform, as the launcher starts and waits for it.
 *
 * @param name its log file's name and how errors refer to it
 * @param label how the terminal shows it
 * @param address where to reach it, as the terminal shows it
 * @param stage when it starts
 * @param command the full command line
 * @param readiness when it counts as started
 * @param ports the ports it will listen on, checked to be free before anything starts
 * @param requiredFiles what must exist before it can start (a service's jar)
 */
record Part(String name, String label, String address, Stage stage, List<String> command, Readiness readiness,
		List<Integer> ports, List<Path> requiredFiles) {

	Part {
		command = List.copyOf(command);
		ports = List.copyOf(ports);
		requiredFiles = List.copyOf(requiredFiles);
	}

	/**
	 * The applications need the broker and the mail server from their first second (topics are declared at start-up),
	 * so the infrastructure is ready before any application starts. Parts of one stage start together.
	 */
	enum Stage {

		INFRASTRUCTURE, APPLICATIONS

	}

}
