package io.eventplatform.analytics.web;

/**
 * The figures of some calls, as the queries answer them.
 *
 * @param clientErrors calls answered 4xx
 * @param serverErrors calls answered 5xx
 * @param errorShare (4xx + 5xx) / calls, 0 without calls
 * @param p50 latency in whole milliseconds at or below which half the calls were answered
 */
public record Traffic(long calls, long clientErrors, long serverErrors, double errorShare, long p50, long p95,
		long p99) {
}
