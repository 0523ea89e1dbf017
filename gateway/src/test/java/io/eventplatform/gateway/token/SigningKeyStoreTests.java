package io.eventplatform.gateway.token;

import io.eventplatform.support.time.MutableClock;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class SigningKeyStoreTests {

	@TempDir
	Path dir;

	@Test
	void shouldKeepItsKeysAcrossARestart() throws Exception {
		Path file = dir.resolve("keys.jwks");
		SigningKeyStore first = new SigningKeyStore(file, Duration.ofDays(1), Clock.systemUTC());
		RSAKey signing = first.current();

		SigningKeyStore restarted = new SigningKeyStore(file, Duration.ofDays(1), Clock.systemUTC());

		assertThat(restarted.current().getKeyID()).isEqualTo(signing.getKeyID());
		assertThat(restarted.current().toRSAPrivateKey()).isEqualTo(signing.toRSAPrivateKey());
		assertThat(restarted.current().isPrivate()).isTrue();
		assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
	}

	@Test
	void shouldRotateOnceTheKeyIsOlderThanThePeriodAndKeepThePreviousOnePublished() {
		Path file = dir.resolve("keys.jwks");
		MutableClock clock = new MutableClock(Instant.parse("2026-11-21T10:00:00Z"));
		SigningKeyStore store = new SigningKeyStore(file, Duration.ofHours(1), clock);
		String first = store.current().getKeyID();

		clock.advance(Duration.ofMinutes(59));
		assertThat(store.current().getKeyID()).isEqualTo(first);

		clock.advance(Duration.ofMinutes(1));
		String second = store.current().getKeyID();
		assertThat(second).isNotEqualTo(first);
		assertThat(store.keys().getKeys()).extracting(JWK::getKeyID).containsExactly(second, first);

		clock.advance(Duration.ofHours(1));
		String third = store.current().getKeyID();
		assertThat(store.keys().getKeys()).extracting(JWK::getKeyID).containsExactly(third, second);
	}

	@Test
	void shouldShareRotationsBetweenReplicasUsingTheSameFile() {
		Path file = dir.resolve("keys.jwks");
		SigningKeyStore replicaA = new SigningKeyStore(file, Duration.ofDays(1), Clock.systemUTC());
		SigningKeyStore replicaB = new SigningKeyStore(file, Duration.ofDays(1), Clock.systemUTC());
		String before = replicaA.current().getKeyID();
		assertThat(replicaB.current().getKeyID()).isEqualTo(before);

		replicaA.rotate();

		// File times can be coarse: a write within the same tick must still be seen.
		assertThat(replicaB.keys().getKeys()).extracting(JWK::getKeyID)
			.containsExactly(replicaA.current().getKeyID(), before);
	}

}
