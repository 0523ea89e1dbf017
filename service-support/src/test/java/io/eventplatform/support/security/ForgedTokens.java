package io.eventplatform.support.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;

/**
 * Tokens an attacker could present (OWASP API2, broken authentication), each differing from a valid platform token in
 * exactly one way, so a test that sees the valid one accepted knows the refusal of the others is for that one reason.
 * Shared (service-support's test jar) by the gateway's and the end-to-end tests: the gateway, each service and the
 * platform as a whole must refuse the same tokens.
 */
public final class ForgedTokens {

	/** What a forged token pretends to be allowed: every scope, administration included. */
	public static final List<String> SCOPES = Scopes.all();

	private final RSAKey issuerKey;

	private final String issuer;

	private final String audience;

	public ForgedTokens(RSAKey issuerKey, String issuer, String audience) {
		this.issuerKey = issuerKey;
		this.issuer = issuer;
		this.audience = audience;
	}

	/** A token exactly as the issuer would sign it: the control every forgery is compared with. */
	public String valid() {
		return signedByIssuer(claims().build());
	}

	/** Expired {@code expiredFor} ago; refused once that is beyond the allowed clock skew. */
	public String expired(Duration expiredFor) {
		Instant expiry = Instant.now().minus(expiredFor);
		return signedByIssuer(claims().issueTime(Date.from(expiry.minus(Duration.ofMinutes(15))))
			.expirationTime(Date.from(expiry))
			.build());
	}

	/** Signed by a key of the attacker's, under the key id of the issuer's key. */
	public String signedByAnotherKey() {
		try {
			RSAKey otherKey = new RSAKeyGenerator(2048).keyID(issuerKey.getKeyID()).generate();
			return sign(claims().build(), otherKey);
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** {@code alg: none}: no signature at all. */
	public String unsigned() {
		return new PlainJWT(claims().build()).serialize();
	}

	/**
	 * HS256 with the issuer's public key as the HMAC secret: the algorithm-confusion attack on a verifier that lets
	 * the token pick the algorithm and uses "the key" for whatever algorithm it names.
	 */
	public String hmacSignedWithThePublicKey() {
		try {
			SignedJWT token = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(issuerKey.getKeyID())
				.build(), claims().build());
			token.sign(new MACSigner(issuerKey.toRSAPublicKey().getEncoded()));
			return token.serialize();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public String wrongIssuer() {
		return signedByIssuer(claims().issuer("http://attacker.test").build());
	}

	public String wrongAudience() {
		return signedByIssuer(claims().audience("another-system").build());
	}

	public String withoutAudience() {
		return signedByIssuer(claims().audience((String) null).build());
	}

	private JWTClaimsSet.Builder claims() {
		Instant now = Instant.now();
		return new JWTClaimsSet.Builder().issuer(issuer)
			.audience(audience)
			.subject("demo-client")
			.claim("client_id", "demo-client")
			.claim("scope", SCOPES)
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plus(Duration.ofMinutes(5))));
	}

	private String signedByIssuer(JWTClaimsSet claims) {
		return sign(claims, issuerKey);
	}

	private static String sign(JWTClaimsSet claims, RSAKey key) {
		try {
			SignedJWT token = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
					claims);
			token.sign(new RSASSASigner(key));
			return token.serialize();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
