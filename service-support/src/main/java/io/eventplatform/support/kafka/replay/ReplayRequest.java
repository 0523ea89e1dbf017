package io.eventplatform.support.kafka.replay;

import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

import io.eventplatform.support.validation.ExactlyOneOf;
import io.eventplatform.support.validation.NotBefore;

/**
 * Where the listeners start reading again: exactly one of {@code from}, {@code to} and {@code offsets}.
 *
 * @param from every retained event from this instant on; not before the contract's earliest event time, which Kafka's
 * offset-for-time lookup can represent (an instant before 1970 reached it as a negative time)
 * @param to the earliest retained offset of every partition, or its end (the listeners skip what is there)
 * @param offsets these offsets of these partitions; the others stay where they are
 * @param group only the listeners of this consumer group; all of the service's replayed listeners when absent
 * @param dryRun {@code true}: nothing changes, the answer shows what would be set and what is committed now
 */
@ExactlyOneOf({ "from", "to", "offsets" })
public record ReplayRequest(@Nullable @NotBefore @PastOrPresent Instant from, @Nullable To to,
		@Nullable @Size(min = 1, max = 1000) List<@NotNull @Valid PartitionOffset> offsets, @Nullable String group,
		@Nullable Boolean dryRun) {

	/** A replay from an instant, as the endpoint took it before {@code to} and {@code offsets} existed. */
	public ReplayRequest(Instant from) {
		this(from, null, null, null, null);
	}

	boolean isDryRun() {
		return Boolean.TRUE.equals(dryRun);
	}

	/** The ends of a partition. */
	public enum To {

		@JsonProperty("earliest")
		EARLIEST,

		@JsonProperty("latest")
		LATEST
	}

	/** Read {@code topic}'s {@code partition} again from {@code offset}. */
	public record PartitionOffset(@NotBlank String topic, @NotNull @PositiveOrZero Integer partition,
			@NotNull @PositiveOrZero Long offset) {
	}
}
