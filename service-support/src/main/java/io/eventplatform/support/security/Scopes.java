package io.eventplatform.support.security;

import java.util.List;

/**
 * The platform's OAuth2 scopes, written once: the gateway's route rules, the services' {@code @PreAuthorize}
 * ({@link Require}) and every API description (the token flow's scopes and each operation's requirement) use these.
 */
public final class Scopes {

	public static final String USERS_WRITE = "users:write";

	public static final String USERS_READ = "users:read";

	public static final String WEATHER_WRITE = "weather:write";

	public static final String TRANSACTIONS_WRITE = "transactions:write";

	public static final String TRANSACTIONS_READ = "transactions:read";

	public static final String ANALYTICS_READ = "analytics:read";

	public static final String NOTIFICATIONS_READ = "notifications:read";

	public static final String NOTIFICATIONS_WRITE = "notifications:write";

	public static final String PLATFORM_ADMIN = "platform:admin";

	/** The authority Spring Security's resource server grants for a scope. */
	public static final String AUTHORITY_PREFIX = "SCOPE_";

	private static final List<String> ALL = List.of(USERS_WRITE, USERS_READ, WEATHER_WRITE, TRANSACTIONS_WRITE,
			TRANSACTIONS_READ, ANALYTICS_READ, NOTIFICATIONS_READ, NOTIFICATIONS_WRITE, PLATFORM_ADMIN);

	private Scopes() {
	}

	public static List<String> all() {
		return ALL;
	}

	public static String authority(String scope) {
		return AUTHORITY_PREFIX + scope;
	}

	/** {@code @PreAuthorize} expressions, one per scope: {@code @PreAuthorize(Scopes.Require.USERS_WRITE)}. */
	public static final class Require {

		public static final String USERS_WRITE = "hasAuthority('" + AUTHORITY_PREFIX + Scopes.USERS_WRITE + "')";

		public static final String USERS_READ = "hasAuthority('" + AUTHORITY_PREFIX + Scopes.USERS_READ + "')";

		public static final String WEATHER_WRITE = "hasAuthority('" + AUTHORITY_PREFIX + Scopes.WEATHER_WRITE + "')";

		public static final String TRANSACTIONS_WRITE = "hasAuthority('" + AUTHORITY_PREFIX
				+ Scopes.TRANSACTIONS_WRITE + "')";

		public static final String TRANSACTIONS_READ = "hasAuthority('" + AUTHORITY_PREFIX + Scopes.TRANSACTIONS_READ
				+ "')";

		public static final String ANALYTICS_READ = "hasAuthority('" + AUTHORITY_PREFIX + Scopes.ANALYTICS_READ + "')";

		public static final String NOTIFICATIONS_READ = "hasAuthority('" + AUTHORITY_PREFIX + Scopes.NOTIFICATIONS_READ
				+ "')";

		public static final String NOTIFICATIONS_WRITE = "hasAuthority('" + AUTHORITY_PREFIX
				+ Scopes.NOTIFICATIONS_WRITE + "')";

		public static final String PLATFORM_ADMIN = "hasAuthority('" + AUTHORITY_PREFIX + Scopes.PLATFORM_ADMIN
				+ "')";

		private Require() {
		}
	}
}
