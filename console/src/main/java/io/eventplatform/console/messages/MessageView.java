package io.eventplatform.console.messages;

import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One record as a page shows it.
 *
 * @param cloudEvent the {@code ce_*} headers and {@code content-type}
 * @param otherHeaders every other header, as text where it is text, else as hex
 * @param value pretty JSON, text, or hex (see {@code format})
 * @param format {@code json}, {@code text} or {@code hex}
 */
public record MessageView(String topic, int partition, long offset, Instant timestamp, @Nullable String key,
		Map<String, String> cloudEvent, Map<String, String> otherHeaders, String value, String format) {

	public @Nullable String type() {
		return cloudEvent.get("ce_type");
	}

	public String id() {
		return partition + ":" + offset;
	}
}
