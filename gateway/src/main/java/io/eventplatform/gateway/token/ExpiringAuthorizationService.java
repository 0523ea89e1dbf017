package io.eventplatform.gateway.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.RemovalCause;
import com.github.benmanes.caffeine.cache.Ticker;

import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;

/**
 * Spring Authorization Server's record of the tokens it issued (what introspection and revocation look up), kept in
 * memory only as long as it is of use: each authorization until the last of its tokens expires, and never more than
 * {@code maximumSize} of them. The default in-memory service keeps every authorization for ever, so a gateway that
 * issues tokens steadily would run out of heap.
 * <p>
 * An authorization evicted early because of the bound is looked up as unknown: introspection answers
 * {@code active: false}, which is the safe answer. Services do not introspect; they validate the JWT themselves.
 * Lookups by access token, refresh token, authorization code and {@code state}, the tokens of the grants this server
 * is configured for (client credentials issues access tokens only).
 */
final class ExpiringAuthorizationService implements OAuth2AuthorizationService {

	/** How long an authorization without any expiring token (one not yet completed) is kept. */
	static final Duration UNFINISHED_AUTHORIZATION_TTL = Duration.ofMinutes(5);

	private static final OAuth2TokenType STATE = new OAuth2TokenType(OAuth2ParameterNames.STATE);

	private static final OAuth2TokenType CODE = new OAuth2TokenType(OAuth2ParameterNames.CODE);

	private final Cache<String, OAuth2Authorization> byId;

	/** Token value to authorization id, for every token an authorization in {@code byId} holds. */
	private final Map<String, String> idByToken = new ConcurrentHashMap<>();

	private final Clock clock;

	ExpiringAuthorizationService(long maximumSize, Clock clock) {
		this(maximumSize, clock, Ticker.systemTicker());
	}

	ExpiringAuthorizationService(long maximumSize, Clock clock, Ticker ticker) {
		this.clock = clock;
		this.byId = Caffeine.newBuilder()
			.maximumSize(maximumSize)
			.expireAfter(new UntilTheLastTokenExpires())
			.ticker(ticker)
			// Maintenance on the calling thread: what a test or the gauge sees has been cleaned up.
			.executor(Runnable::run)
			// Runs within the eviction (size or expiry) of the entry, so the index cannot lose a newer version's tokens.
			.evictionListener((@Nullable String id, @Nullable OAuth2Authorization authorization,
					RemovalCause cause) -> {
				if (id != null && authorization != null) {
					unindex(id, tokenValues(authorization).toList());
				}
			})
			.build();
	}

	/** Index and entry change together: a compute on the entry holds its lock against evictions and other saves. */
	@Override
	public void save(OAuth2Authorization authorization) {
		byId.asMap().compute(authorization.getId(), (id, previous) -> {
			List<String> held = tokenValues(authorization).toList();
			held.forEach(value -> idByToken.put(value, id));
			if (previous != null) {
				// A token the new version no longer holds (e.g. a spent authorization code) is no longer found.
				unindex(id, tokenValues(previous).filter(value -> !held.contains(value)).toList());
			}
			return authorization;
		});
	}

	@Override
	public void remove(OAuth2Authorization authorization) {
		byId.asMap().computeIfPresent(authorization.getId(), (id, current) -> {
			unindex(id, tokenValues(current).toList());
			return null;
		});
	}

	private void unindex(String id, List<String> tokenValues) {
		tokenValues.forEach(value -> idByToken.remove(value, id));
	}

	@Override
	public @Nullable OAuth2Authorization findById(String id) {
		return byId.getIfPresent(id);
	}

	@Override
	public @Nullable OAuth2Authorization findByToken(String token, @Nullable OAuth2TokenType tokenType) {
		String id = idByToken.get(token);
		OAuth2Authorization authorization = id == null ? null : byId.getIfPresent(id);
		if (authorization == null) {
			return null;
		}
		if (tokenType == null) {
			return authorization;
		}
		String held;
		if (OAuth2TokenType.ACCESS_TOKEN.equals(tokenType)) {
			held = value(authorization.getAccessToken());
		}
		else if (OAuth2TokenType.REFRESH_TOKEN.equals(tokenType)) {
			held = value(authorization.getRefreshToken());
		}
		else if (CODE.equals(tokenType)) {
			held = value(authorization.getToken(OAuth2AuthorizationCode.class));
		}
		else if (STATE.equals(tokenType)) {
			held = authorization.getAttribute(OAuth2ParameterNames.STATE);
		}
		else {
			held = null;
		}
		return token.equals(held) ? authorization : null;
	}

	/** Authorizations held now, for the gauge (expired ones may count until the cache's next maintenance). */
	long size() {
		return byId.estimatedSize();
	}

	/** Tokens indexed now; in step with {@link #size()} once the cache has done its maintenance. */
	int indexedTokens() {
		byId.cleanUp();
		return idByToken.size();
	}

	private static Stream<String> tokenValues(OAuth2Authorization authorization) {
		List<String> values = new ArrayList<>();
		values.add(value(authorization.getAccessToken()));
		values.add(value(authorization.getRefreshToken()));
		values.add(value(authorization.getToken(OAuth2AuthorizationCode.class)));
		values.add(authorization.getAttribute(OAuth2ParameterNames.STATE));
		return values.stream().filter(Objects::nonNull);
	}

	private static @Nullable String value(OAuth2Authorization.@Nullable Token<? extends OAuth2Token> token) {
		return token == null ? null : token.getToken().getTokenValue();
	}

	/** The latest expiry of the authorization's tokens, as seen by the clock the tokens were stamped with. */
	private final class UntilTheLastTokenExpires implements Expiry<String, OAuth2Authorization> {

		@Override
		public long expireAfterCreate(String id, OAuth2Authorization authorization, long currentTime) {
			Instant last = Stream
				.of(authorization.getAccessToken(), authorization.getRefreshToken(),
						authorization.getToken(OAuth2AuthorizationCode.class))
				.filter(Objects::nonNull)
				.map(token -> token.getToken().getExpiresAt())
				.filter(Objects::nonNull)
				.max(Instant::compareTo)
				.orElse(null);
			Duration left = last == null ? UNFINISHED_AUTHORIZATION_TTL : Duration.between(clock.instant(), last);
			return Math.max(0, left.toNanos());
		}

		@Override
		public long expireAfterUpdate(String id, OAuth2Authorization authorization, long currentTime,
				long currentDuration) {
			return expireAfterCreate(id, authorization, currentTime);
		}

		@Override
		public long expireAfterRead(String id, OAuth2Authorization authorization, long currentTime,
				long currentDuration) {
			return currentDuration;
		}

	}

}
