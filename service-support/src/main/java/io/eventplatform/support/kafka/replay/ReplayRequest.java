package io.eventplatform.support.kafka.replay;

import java.time.Instant;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;

/** @param from the listeners read again every retained event from this instant on */
public record ReplayRequest(@NotNull @PastOrPresent Instant from) {
}
