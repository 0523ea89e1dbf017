package io.eventplatform.gateway.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.github.benmanes.caffeine.cache.Ticker;
import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExpiringAuthorizationServiceTests {

	private static final Instant START = Instant.parse("2026-11-22T10:00:00Z");

	private static final RegisteredClient CLIENT = RegisteredClient.withId("demo")
		.clientId("demo-client")
		.clientSecret("{noop}secret")
		.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
		.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
		.build();

	/** The clock the tokens are stamped with and the cache's ticker, moved together. */
	private final AtomicLong elapsedNanos = new AtomicLong();

	private final Ticker ticker = elapsedNanos::get;

	private ExpiringAuthorizationService service(long maximumSize) {
		Clock clock = new Clock() {
			@Override
			public Instant instant() {
				return START.plusNanos(elapsedNanos.get());
			}

			@Override
			public java.time.ZoneId getZone() {
				return ZoneOffset.UTC;
			}

			@Override
			public Clock withZone(java.time.ZoneId zone) {
				return this;
			}
		};
		return new ExpiringAuthorizationService(maximumSize, clock, ticker);
	}

	@Test
	void findsAnAuthorizationByIdAndByItsAccessTokenButNotAsAnotherKindOfToken() {
		// Given
		ExpiringAuthorizationService service = service(100);
		OAuth2Authorization authorization = issued("a1", "token-1", Duration.ofMinutes(15));

		// When
		service.save(authorization);

		// Then
		assertThat(service.findById("a1")).isEqualTo(authorization);
		assertThat(service.findByToken("token-1", OAuth2TokenType.ACCESS_TOKEN)).isEqualTo(authorization);
		assertThat(service.findByToken("token-1", null)).isEqualTo(authorization);
		assertThat(service.findByToken("token-1", OAuth2TokenType.REFRESH_TOKEN)).isNull();
		assertThat(service.findByToken("token-2", OAuth2TokenType.ACCESS_TOKEN)).isNull();
	}

	@Test
	void forgetsAnAuthorizationOnceItsTokenHasExpired() {
		// Given
		ExpiringAuthorizationService service = service(100);
		service.save(issued("short", "token-short", Duration.ofMinutes(1)));
		service.save(issued("long", "token-long", Duration.ofMinutes(15)));

		// When
		elapsedNanos.addAndGet(Duration.ofMinutes(1).plusSeconds(1).toNanos());

		// Then
		assertThat(service.findById("short")).isNull();
		assertThat(service.findByToken("token-short", OAuth2TokenType.ACCESS_TOKEN)).isNull();
		assertThat(service.findByToken("token-long", OAuth2TokenType.ACCESS_TOKEN)).isNotNull();
		assertThat(service.indexedTokens()).isEqualTo(1);
	}

	@Test
	void holdsNoMoreThanItsBoundHoweverManyTokensAreIssued() {
		// Given
		ExpiringAuthorizationService service = service(100);

		// When: ten times as many live tokens as the bound
		for (int i = 0; i < 1_000; i++) {
			service.save(issued("a" + i, "token-" + i, Duration.ofMinutes(15)));
		}

		// Then
		assertThat(service.indexedTokens()).isLessThanOrEqualTo(100);
		assertThat(service.size()).isLessThanOrEqualTo(100);
	}

	@Test
	void keepsFindingAnUpdatedAuthorizationByItsTokenAndForgetsARemovedOne() {
		// Given
		ExpiringAuthorizationService service = service(100);
		OAuth2Authorization issued = issued("a1", "token-1", Duration.ofMinutes(15));
		service.save(issued);

		// When: revocation saves a new version that marks the same token invalidated
		OAuth2Authorization revoked = OAuth2Authorization.from(issued)
			.token(issued.getAccessToken().getToken(),
					metadata -> metadata.put(OAuth2Authorization.Token.INVALIDATED_METADATA_NAME, true))
			.build();
		service.save(revoked);

		// Then
		assertThat(service.findByToken("token-1", OAuth2TokenType.ACCESS_TOKEN).getAccessToken().isInvalidated())
			.isTrue();

		// When
		service.remove(revoked);

		// Then
		assertThat(service.findByToken("token-1", OAuth2TokenType.ACCESS_TOKEN)).isNull();
		assertThat(service.indexedTokens()).isZero();
	}

	@Test
	void keepsItsTokenIndexInStepWithWhatItHoldsWhileManyThreadsIssueAndRevoke() throws Exception {
		// Given: a bound far below what is issued, so evictions run alongside saves and removals
		ExpiringAuthorizationService service = service(50);
		ExecutorService threads = Executors.newFixedThreadPool(4);

		// When
		List<Future<?>> work = new ArrayList<>();
		for (int t = 0; t < 4; t++) {
			int thread = t;
			work.add(threads.submit(() -> {
				for (int i = 0; i < 2_000; i++) {
					OAuth2Authorization authorization = issued("a" + (i % 300), "token-" + thread + "-" + i,
							Duration.ofMinutes(15));
					service.save(authorization);
					if (i % 7 == 0) {
						service.remove(authorization);
					}
				}
			}));
		}
		for (Future<?> done : work) {
			done.get(60, TimeUnit.SECONDS);
		}
		threads.shutdown();

		// Then: every authorization held is found by its token, and no token points at nothing
		assertThat(service.indexedTokens()).isEqualTo(service.size());
		for (int id = 0; id < 300; id++) {
			OAuth2Authorization held = service.findById("a" + id);
			if (held != null) {
				assertThat(service.findByToken(held.getAccessToken().getToken().getTokenValue(),
						OAuth2TokenType.ACCESS_TOKEN)).isSameAs(held);
			}
		}
	}

	@Test
	void refusesABoundThatWouldForgetEveryToken() {
		assertThatThrownBy(() -> new AuthorizationStoreProperties(0)).hasMessageContaining("at least 1");
	}

	private OAuth2Authorization issued(String id, String tokenValue, Duration lifetime) {
		Instant issuedAt = START.plusNanos(elapsedNanos.get());
		return OAuth2Authorization.withRegisteredClient(CLIENT)
			.id(id)
			.principalName("demo-client")
			.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
			.accessToken(new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, tokenValue, issuedAt,
					issuedAt.plus(lifetime)))
			.build();
	}

}
