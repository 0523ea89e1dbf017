package io.eventplatform.analytics.web;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.TimestampedWindowStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.jspecify.annotations.Nullable;

import io.eventplatform.analytics.streams.AnalyticsEvents;
import io.eventplatform.contract.EventEnvelope;
import io.eventplatform.contract.platform.PlatformAlertRaised;

/**
 * The route rules, judged on every change of a route's minute (so an alert comes within the minute that completes
 * the run, not after the window closed): a minute is beyond a limit when it has at least {@code minCalls}
 * calls and its error share or its p99 is above the limit; {@code consecutiveMinutes} such minutes in a row make an episode,
 * which raises one alert. A minute within the limits, or without calls, ends it.
 * <p>
 * An episode is identified by its route, its rule and the start of its first minute: the alert's id is derived from
 * them, and the episode (first and last minute) is kept in a store written in the same transaction as the alert. A
 * run of minutes that overlaps the kept episode is that episode, even when a late call moved its first minute, so a
 * late or re-processed call never raises it again.
 */
class RouteWatch implements Processor<Windowed<String>, TrafficStats, String, EventEnvelope<PlatformAlertRaised>> {

	static final String ERROR_SHARE_RULE = "route-error-share";

	static final String LATENCY_RULE = "route-latency-p99";

	private static final long MINUTE = WebProperties.MINUTE.toMillis();

	/** The first and last minute (start, epoch millis) of the newest alerted episode of a route and rule. */
	record Episode(long firstMinute, long lastMinute) {
	}

	private final WebProperties properties;

	private final String minutesStore;

	private final String episodesStore;

	/**
	 * How far a run is followed from the changed minute: far enough to see the whole run, since a run cannot grow by
	 * more than one minute unseen, except by calls within the grace period.
	 */
	private final long reach;

	private ProcessorContext<String, EventEnvelope<PlatformAlertRaised>> context;

	private TimestampedWindowStore<String, TrafficStats> minutes;

	private KeyValueStore<String, Episode> episodes;

	RouteWatch(WebProperties properties, String minutesStore, String episodesStore) {
		this.properties = properties;
		this.minutesStore = minutesStore;
		this.episodesStore = episodesStore;
		long graceMinutes = (properties.minuteGrace().toMillis() + MINUTE - 1) / MINUTE;
		this.reach = (properties.consecutiveMinutes() + graceMinutes) * MINUTE;
	}

	@Override
	public void init(ProcessorContext<String, EventEnvelope<PlatformAlertRaised>> context) {
		this.context = context;
		this.minutes = context.getStateStore(minutesStore);
		this.episodes = context.getStateStore(episodesStore);
	}

	@Override
	public void process(Record<Windowed<String>, TrafficStats> record) {
		String route = record.key().key();
		long minute = record.key().window().start();
		NavigableMap<Long, TrafficStats> around = new TreeMap<>();
		try (WindowStoreIterator<ValueAndTimestamp<TrafficStats>> windows = minutes.fetch(route,
				Instant.ofEpochMilli(minute - reach), Instant.ofEpochMilli(minute + reach))) {
			windows.forEachRemaining((KeyValue<Long, ValueAndTimestamp<TrafficStats>> window) -> around
				.put(window.key, window.value.value()));
		}
		// The changed minute as forwarded: the store may not hold it yet when the DSL forwards before it flushes.
		if (record.value() != null) {
			around.put(minute, record.value());
		}
		double maxShare = properties.maxErrorShare();
		long maxP99 = properties.maxP99().toMillis();
		judge(route, minute, around, ERROR_SHARE_RULE,
				stats -> stats.calls() >= properties.minCalls() && stats.errorShare() > maxShare,
				stats -> stats.errorShare(), maxShare,
				(stats, since) -> String.format(Locale.ROOT,
						"%.1f%% of %d calls failed (4xx or 5xx) in the minute from %s, above the limit of %.1f%%, in "
								+ "each of %d consecutive minutes since %s",
						100 * stats.errorShare(), stats.calls(), Instant.ofEpochMilli(minute),
							100 * maxShare, properties.consecutiveMinutes(), since));
		// The same minimum as for errors: one slow call in a quiet minute is no slow route.
		judge(route, minute, around, LATENCY_RULE,
				stats -> stats.calls() >= properties.minCalls() && stats.p99Above(maxP99),
				stats -> stats.percentile(99), maxP99,
				(stats, since) -> String.format(Locale.ROOT,
						"p99 latency %d ms of %d calls in the minute from %s, above the limit of %d ms, in each of %d "
								+ "consecutive minutes since %s",
						stats.percentile(99), stats.calls(), Instant.ofEpochMilli(minute), maxP99,
							properties.consecutiveMinutes(), since));
	}

	private void judge(String route, long minute, NavigableMap<Long, TrafficStats> around, String rule,
			Predicate<TrafficStats> beyond, ToDoubleFunction<TrafficStats> observed, double threshold,
			BiFunction<TrafficStats, Instant, String> explanation) {
		TrafficStats changed = around.get(minute);
		if (changed == null || !beyond.test(changed)) {
			return;
		}
		long first = minute;
		while (isBeyond(around.get(first - MINUTE), beyond)) {
			first -= MINUTE;
		}
		long last = minute;
		while (isBeyond(around.get(last + MINUTE), beyond)) {
			last += MINUTE;
		}
		String key = rule + " " + route;
		Episode alerted = episodes.get(key);
		if (alerted != null && first <= alerted.lastMinute() && last >= alerted.firstMinute()) {
			Episode longer = new Episode(Math.min(first, alerted.firstMinute()), Math.max(last, alerted.lastMinute()));
			if (!longer.equals(alerted)) {
				episodes.put(key, longer);
			}
			return;
		}
		if ((last - first) / MINUTE + 1 < properties.consecutiveMinutes()) {
			return;
		}
		Instant since = Instant.ofEpochMilli(first);
		Instant observedAt = Instant.ofEpochMilli(minute + MINUTE);
		EventEnvelope<PlatformAlertRaised> alert = AnalyticsEvents.derived(rule, List.of(route + "@" + since),
				observedAt, new PlatformAlertRaised(rule, route, explanation.apply(changed, since),
						observed.applyAsDouble(changed), threshold, since, observedAt));
		episodes.put(key, new Episode(first, last));
		context.forward(new Record<>(route, alert, observedAt.toEpochMilli(), new RecordHeaders()));
	}

	private static boolean isBeyond(@Nullable TrafficStats stats, Predicate<TrafficStats> beyond) {
		return stats != null && beyond.test(stats);
	}
}
