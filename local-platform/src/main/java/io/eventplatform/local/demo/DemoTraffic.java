package io.eventplatform.local.demo;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * One kind of simulated client traffic, such as users registering. The {@link DemoTrafficGenerator} sends what
 * {@link #next} returns every {@link #interval}, with an access token, and reports the answers; weather readings or
 * transactions are each one more implementation.
 */
public interface DemoTraffic {

	/** A plural noun for progress lines: {@code users}, {@code readings}. */
	String name();

	Duration interval();

	/** The next request to send through the gateway, random but plausible. */
	DemoRequest next(RandomGenerator random);

}
