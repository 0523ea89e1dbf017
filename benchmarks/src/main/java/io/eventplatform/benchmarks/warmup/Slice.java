package io.eventplatform.benchmarks.warmup;

/**
 * One stretch of load on a target and the rate it achieved.
 *
 * @param startSeconds when it began, in seconds after the target's first request
 * @param endSeconds when it ended, on the same scale
 * @param rate requests (or readings) per second over the slice
 */
public record Slice(double startSeconds, double endSeconds, double rate) {
}
