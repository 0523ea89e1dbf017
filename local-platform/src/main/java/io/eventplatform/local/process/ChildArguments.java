package io.eventplatform.local.process;

import java.util.HashMap;
import java.util.Map;

/**
 * The {@code --name=value} options the launcher passes to the processes it starts from its own class path.
 */
public final class ChildArguments {

	private final Map<String, String> values;

	private ChildArguments(Map<String, String> values) {
		this.values = values;
	}

	public static ChildArguments parse(String[] args) {
		Map<String, String> values = new HashMap<>();
		for (String arg : args) {
			int equals = arg.indexOf('=');
			if (!arg.startsWith("--") || equals < 0) {
				throw new IllegalArgumentException("Expected --name=value but got '" + arg + "'");
			}
			values.put(arg.substring(2, equals), arg.substring(equals + 1));
		}
		return new ChildArguments(values);
	}

	public String required(String name) {
		String value = values.get(name);
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException("Missing option --" + name);
		}
		return value;
	}

	public int requiredPort(String name) {
		return Integer.parseInt(required(name));
	}

	public String optional(String name, String fallback) {
		return values.getOrDefault(name, fallback);
	}

}
