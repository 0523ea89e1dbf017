package io.eventplatform.local.standin;

/**
 * An application that fails during start-up, as one does when its configuration is wrong.
 */
public final class CrashingApplication {

	private CrashingApplication() {
	}

	public static void main(String[] args) {
		System.out.println("Starting application");
		System.out.println("APPLICATION FAILED TO START: simulated start-up failure");
		System.exit(1);
	}

}
