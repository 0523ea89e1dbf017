package io.eventplatform.local.standin;

import io.eventplatform.local.process.ChildArguments;
import io.eventplatform.local.process.ParentWatchdog;

/**
 * A child that, like the broker and the mail server, ends when the process named by {@code --parent-pid} ends.
 */
public final class WatchedApplication {

	private WatchedApplication() {
	}

	public static void main(String[] args) {
		ParentWatchdog.exitWhenParentEnds(ChildArguments.parse(args));
		System.out.println("Watching my parent");
		StandInApplication.awaitForever();
	}

}
