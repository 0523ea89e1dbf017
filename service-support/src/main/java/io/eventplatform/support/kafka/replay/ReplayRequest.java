package io.eventplatform.support.kafka.replay;

import java.time.Instant;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;

import io.eventplatform.support.validation.NotBefore;

/**
 * @param from the listeners read again every retained event from this instant on; not before the contract's earliest
 * event time, which Kafka's offset-for-time lookup can represent (an instant before 1970 reached it as a negative time)
 */
public record ReplayRequest(@NotNull @NotBefore @PastOrPresent Instant from) {
}
