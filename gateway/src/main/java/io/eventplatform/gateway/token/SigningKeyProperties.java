package io.eventplatform.gateway.token;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the token signing keys are kept and how often a new one takes over ({@code platform.security.signing-keys}).
 * The rotation period must be longer than a token's lifetime: a token is verifiable only while its key is the current
 * or the previous one.
 *
 * @param store the JWK set file holding the current and the previous key pair (private keys: keep it private, and
 * share it between replicas)
 * @param rotationPeriod the age at which the current key is replaced
 */
@ConfigurationProperties("platform.security.signing-keys")
record SigningKeyProperties(Path store, @DefaultValue("1d") Duration rotationPeriod) {
}
