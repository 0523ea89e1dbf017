package io.eventplatform.benchmarks.http;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What wrk reported for one run.
 *
 * @param errors responses other than 2xx/3xx plus socket errors: a run with errors does not count as a throughput
 */
public record WrkResult(double requestsPerSecond, long requests, long errors, double p50Millis, double p99Millis,
		String output) {

	private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");

	private static final Pattern REQUESTS = Pattern.compile("(\\d+) requests in");

	private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses:\\s+(\\d+)");

	private static final Pattern SOCKET_ERRORS = Pattern
		.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");

	private static final Pattern PERCENTILE = Pattern.compile("^\\s*(50|99)(?:\\.000)?%\\s+([0-9.]+)(us|ms|s)\\s*$",
			Pattern.MULTILINE);

	static WrkResult parse(String output) {
		Matcher rate = RATE.matcher(output);
		if (!rate.find()) {
			throw new IllegalStateException("wrk reported no Requests/sec:\n" + output);
		}
		Matcher requests = REQUESTS.matcher(output);
		long errors = 0;
		Matcher non2xx = NON_2XX.matcher(output);
		if (non2xx.find()) {
			errors += Long.parseLong(non2xx.group(1));
		}
		Matcher socket = SOCKET_ERRORS.matcher(output);
		if (socket.find()) {
			for (int group = 1; group <= 4; group++) {
				errors += Long.parseLong(socket.group(group));
			}
		}
		double p50 = Double.NaN;
		double p99 = Double.NaN;
		Matcher percentile = PERCENTILE.matcher(output);
		while (percentile.find()) {
			double millis = Double.parseDouble(percentile.group(2)) * switch (percentile.group(3)) {
				case "us" -> 0.001;
				case "s" -> 1000;
				default -> 1;
			};
			if (percentile.group(1).equals("50")) {
				p50 = millis;
			}
			else {
				p99 = millis;
			}
		}
		return new WrkResult(Double.parseDouble(rate.group(1)),
				requests.find() ? Long.parseLong(requests.group(1)) : -1, errors, p50, p99, output);
	}

	public String summary() {
		return String.format(Locale.ROOT, "%.0f req/s, %d requests, %d errors, p50 %.2f ms, p99 %.2f ms",
				requestsPerSecond, requests, errors, p50Millis, p99Millis);
	}

}
