package io.eventplatform.notification.delivery;

/**
 * What a message is about. Only alerts are critical: a recipient who opted out of non-critical mail still gets them.
 */
public enum NotificationType {

	WELCOME(false), FRAUD_ALERT(true), WEATHER_ALERT(true), FRAUD_ALERT_DIGEST(true), WEATHER_ALERT_DIGEST(true),
	PLATFORM_ALERT(true), PLATFORM_ALERT_DIGEST(true);

	private final boolean critical;

	NotificationType(boolean critical) {
		this.critical = critical;
	}

	public boolean isCritical() {
		return critical;
	}

	/** The name of its templates, e.g. {@code fraud-alert}. */
	public String templateName() {
		return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
	}

	/** The prefix of its message keys, e.g. {@code fraudAlert}. */
	public String messagePrefix() {
		String[] words = name().toLowerCase(java.util.Locale.ROOT).split("_");
		StringBuilder prefix = new StringBuilder(words[0]);
		for (int i = 1; i < words.length; i++) {
			prefix.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
		}
		return prefix.toString();
	}
}
