package io.eventplatform.local.standin;

/**
 * An application that runs but never becomes ready, as one does when it waits for something that never comes.
 */
public final class HangingApplication {

	private HangingApplication() {
	}

	public static void main(String[] args) {
		System.out.println("Waiting for something that never comes");
		StandInApplication.awaitForever();
	}

}
