package io.eventplatform.benchmarks.footprint;

import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Where the processor time goes: the CPU time (user and system) each part of the platform has used, found by the port
 * it listens on, so that a measured run can be split into what each process spent on it. On two cores every part
 * competes with every other, so a rate is only explained once it is known who used the cores meanwhile.
 */
public final class CpuAccount {

	private final Map<String, Integer> ports;

	/** @param ports each part's name and the port it listens on */
	public CpuAccount(Map<String, Integer> ports) {
		this.ports = new LinkedHashMap<>(ports);
	}

	/** The CPU time each part has used since it started; a part not found (or not visible) is left out. */
	public Map<String, Duration> snapshot() {
		Map<String, Duration> used = new LinkedHashMap<>();
		ProcessTable.pidsListeningOn(ports)
			.forEach((part, pid) -> ProcessHandle.of(pid)
				.flatMap(process -> process.info().totalCpuDuration())
				.ifPresent(cpu -> used.put(part, cpu)));
		return used;
	}

	/** What each part used between two snapshots, largest first. */
	public static Map<String, Duration> between(Map<String, Duration> before, Map<String, Duration> after) {
		return after.entrySet()
			.stream()
			.filter(entry -> before.containsKey(entry.getKey()))
			.map(entry -> Map.entry(entry.getKey(), entry.getValue().minus(before.get(entry.getKey()))))
			.filter(entry -> !entry.getValue().isNegative())
			.sorted(Map.Entry.<String, Duration>comparingByValue().reversed())
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
	}

	/**
	 * E.g. {@code "gateway 1.21 ms, weather-ingest-service 0.95 ms, ... (total 3.02 ms)"}: CPU time per unit of work
	 * ({@code units} requests or readings), largest first; parts below 0.5 % of the total are left out.
	 */
	public static String perUnit(Map<String, Duration> used, double units, String unit) {
		if (units <= 0 || used.isEmpty()) {
			return "no " + unit + " completed";
		}
		double total = used.values().stream().mapToDouble(CpuAccount::millis).sum();
		String parts = used.entrySet()
			.stream()
			.sorted(Comparator.comparingDouble((Map.Entry<String, Duration> entry) -> millis(entry.getValue())).reversed())
			.filter(entry -> millis(entry.getValue()) >= total * 0.005)
			.map(entry -> String.format(Locale.ROOT, "%s %s", entry.getKey(), format(millis(entry.getValue()) / units)))
			.collect(Collectors.joining(", "));
		return String.format(Locale.ROOT, "CPU per %s: %s (total %s)", unit, parts, format(total / units));
	}

	/** E.g. {@code "gateway 9.8 s, registration-service 9.1 s, ... (total 52.3 s)"}, largest first. */
	public static String seconds(Map<String, Duration> used) {
		double total = used.values().stream().mapToDouble(CpuAccount::millis).sum() / 1000;
		String parts = used.entrySet()
			.stream()
			.sorted(Comparator.comparingDouble((Map.Entry<String, Duration> entry) -> millis(entry.getValue())).reversed())
			.map(entry -> String.format(Locale.ROOT, "%s %.1f s", entry.getKey(), millis(entry.getValue()) / 1000))
			.collect(Collectors.joining(", "));
		return String.format(Locale.ROOT, "CPU time: %s (total %.1f s)", parts, total);
	}

	private static double millis(Duration duration) {
		return duration.toNanos() / 1e6;
	}

	private static String format(double millis) {
		return millis >= 1 ? String.format(Locale.ROOT, "%.2f ms", millis)
				: String.format(Locale.ROOT, "%.0f µs", millis * 1000);
	}

}
