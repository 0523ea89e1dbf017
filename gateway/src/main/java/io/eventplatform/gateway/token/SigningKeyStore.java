package io.eventplatform.gateway.token;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's token signing keys: the current key, which signs every new token, and the previous one, which stays
 * published in the JWKS so that tokens it signed are accepted until they expire. When the current key is older than
 * the rotation period, a new key takes its place and the oldest is dropped.
 * <p>
 * The keys live in one JWK set file, so a restarted gateway keeps accepting the tokens it issued, and replicas that
 * share the file (a volume) sign and verify with the same keys: each reloads the file when it changed, and rotation
 * happens under a file lock, so two replicas never both rotate. The file holds private keys: it is written readable
 * by its owner only.
 */
public final class SigningKeyStore {

	private static final Logger log = LoggerFactory.getLogger(SigningKeyStore.class);

	private static final int KEY_SIZE_BITS = 2048;

	/** The current and the previous key. */
	private static final int KEYS_KEPT = 2;

	private final Path file;

	private final java.time.Duration rotationPeriod;

	private final Clock clock;

	@SuppressWarnings("NullAway.Init") // set by the constructor, inside withLock's lambda, which NullAway cannot follow
	private volatile Loaded loaded;

	/**
	 * The keys and the version of the file they were read from: every write replaces the file (a new inode where the
	 * file system has them), so the version changes even when two writes fall into the same clock tick.
	 */
	private record Loaded(JWKSet keys, Object version) {
	}

	public SigningKeyStore(Path file, java.time.Duration rotationPeriod, Clock clock) {
		this.file = file;
		this.rotationPeriod = rotationPeriod;
		this.clock = clock;
		synchronized (this) {
			withLock(() -> {
				reload();
				if (loaded == null) {
					write(List.of(newKey()));
				}
			});
		}
		rotateIfDue();
	}

	/** Every key whose tokens are still accepted, the current one first. */
	public JWKSet keys() {
		reloadIfChanged();
		return loaded.keys();
	}

	/** The key that signs new tokens. */
	public RSAKey current() {
		rotateIfDue();
		return (RSAKey) loaded.keys().getKeys().get(0);
	}

	/** Source of every published key: the JWKS endpoint and the gateway's own token validation. */
	public JWKSource<SecurityContext> publishedKeys() {
		return (selector, context) -> selector.select(keys());
	}

	/** Source of the signing key alone, so that the token encoder never has two keys to choose from. */
	public JWKSource<SecurityContext> signingKey() {
		return (selector, context) -> selector.select(new JWKSet(current()));
	}

	/** Replaces the current key with a new one now, keeping the current one as the previous. */
	public synchronized void rotate() {
		withLock(() -> {
			reload();
			rotateLocked();
		});
	}

	private void rotateIfDue() {
		if (!isDue(loaded)) {
			reloadIfChanged();
			if (!isDue(loaded)) {
				return;
			}
		}
		synchronized (this) {
			withLock(() -> {
				// Another replica may have rotated while this one waited for the lock.
				reload();
				if (isDue(loaded)) {
					rotateLocked();
				}
			});
		}
	}

	private boolean isDue(Loaded keys) {
		Date issued = keys.keys().getKeys().get(0).getIssueTime();
		return issued == null || !issued.toInstant().plus(rotationPeriod).isAfter(clock.instant());
	}

	private void rotateLocked() {
		List<JWK> keys = new ArrayList<>();
		keys.add(newKey());
		keys.addAll(loaded.keys().getKeys());
		write(keys.subList(0, Math.min(KEYS_KEPT, keys.size())));
		log.info("Rotated the token signing key: now {}, previous {}", keys.get(0).getKeyID(), keys.get(1).getKeyID());
	}

	private RSAKey newKey() {
		try {
			return new RSAKeyGenerator(KEY_SIZE_BITS).keyUse(KeyUse.SIGNATURE)
				.algorithm(JWSAlgorithm.RS256)
				// Services cache the JWKS by key id; an unknown id makes them fetch it again.
				.keyID(UUID.randomUUID().toString())
				.issueTime(Date.from(clock.instant()))
				.generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Could not generate an RSA signing key", ex);
		}
	}

	private void reloadIfChanged() {
		try {
			Loaded current = loaded;
			if (current == null || !version(file).equals(current.version())) {
				synchronized (this) {
					reload();
				}
			}
		}
		catch (IOException ex) {
			// The file vanished or cannot be read right now: keep signing and verifying with the keys in memory.
			log.warn("Cannot read the signing key file {}: {}", file, ex.toString());
		}
	}

	private void reload() {
		if (!Files.exists(file)) {
			return;
		}
		try {
			Object version = version(file);
			JWKSet keys = JWKSet.parse(Files.readString(file, StandardCharsets.UTF_8));
			if (keys.getKeys().isEmpty()) {
				throw new IllegalStateException("The signing key file " + file + " holds no key");
			}
			loaded = new Loaded(keys, version);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the signing key file " + file, ex);
		}
		catch (ParseException ex) {
			throw new IllegalStateException("The signing key file " + file + " is not a JWK set", ex);
		}
	}

	private void write(List<JWK> keys) {
		JWKSet set = new JWKSet(keys);
		try {
			Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
			Files.deleteIfExists(temporary);
			createOwnerOnly(temporary);
			// toString(false): with the private keys, which is what this file is for.
			Files.writeString(temporary, set.toString(false), StandardCharsets.UTF_8);
			try {
				Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			}
			catch (AtomicMoveNotSupportedException ex) {
				Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
			}
			loaded = new Loaded(set, version(file));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write the signing key file " + file, ex);
		}
	}

	private static Object version(Path file) throws IOException {
		BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
		return Arrays.asList(attributes.fileKey(), attributes.lastModifiedTime(), attributes.size());
	}

	private static void createOwnerOnly(Path path) throws IOException {
		try {
			Files.createFile(path, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
		}
		catch (UnsupportedOperationException ex) {
			Files.createFile(path);
		}
	}

	/** Serialises rotation between processes sharing the file (threads of this one are serialised by the caller). */
	private void withLock(Runnable action) {
		try {
			Files.createDirectories(file.toAbsolutePath().getParent());
			Path lockFile = file.resolveSibling(file.getFileName() + ".lock");
			try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
					FileLock lock = channel.lock()) {
				action.run();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot lock the signing key file " + file, ex);
		}
	}

}
