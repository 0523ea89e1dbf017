package io.eventplatform.gateway.token;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.web.util.UriComponentsBuilder;

import io.eventplatform.gateway.RunningGateway;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A person signs in to the console the way a browser does it: authorisation request with PKCE, the login form, the
 * code back at the console's redirect URI, and the console exchanging the code for tokens that carry the roles.
 */
class SignInIntegrationTests extends RunningGateway {

	private static final String REDIRECT_URI = "http://127.0.0.1:8080/console/login/oauth2/code/platform";

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

	private final JsonMapper json = JsonMapper.builder().build();

	/** A browser: keeps cookies, does not follow redirects, so each step is seen. */
	private HttpClient browser;

	private String verifier;

	@BeforeEach
	void newBrowser() {
		browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
		verifier = UUID.randomUUID() + "-" + UUID.randomUUID();
	}

	@Test
	void signsAnOperatorInWithPkceAndPutsTheRolesIntoTheIdAndAccessTokens() throws Exception {
		// Given / When
		Map<String, Object> tokens = exchange(signIn("operator", "operator-password"), verifier);

		// Then
		JWTClaimsSet idToken = SignedJWT.parse((String) tokens.get("id_token")).getJWTClaimsSet();
		assertThat(idToken.getSubject()).isEqualTo("operator");
		assertThat(idToken.getAudience()).containsExactly("console");
		assertThat(idToken.getStringListClaim("roles")).containsExactly("operator", "viewer");
		JWTClaimsSet accessToken = SignedJWT.parse((String) tokens.get("access_token")).getJWTClaimsSet();
		assertThat(accessToken.getStringListClaim("roles")).containsExactly("operator", "viewer");
		assertThat(accessToken.getStringClaim("client_id")).isEqualTo("console");
	}

	@Test
	void givesAViewerTheViewerRoleOnly() throws Exception {
		Map<String, Object> tokens = exchange(signIn("viewer", "viewer-password"), verifier);

		assertThat(SignedJWT.parse((String) tokens.get("id_token")).getJWTClaimsSet().getStringListClaim("roles"))
			.containsExactly("viewer");
	}

	@Test
	void refusesToExchangeTheCodeWithoutTheVerifierOfItsChallenge() throws Exception {
		// Given
		String code = signIn("operator", "operator-password");

		// When
		HttpResponse<String> response = tokenRequest(code, "some-other-verifier-" + UUID.randomUUID());

		// Then
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("invalid_grant");
	}

	@Test
	void refusesAnAuthorisationRequestWithoutACodeChallenge() throws Exception {
		// Given: a signed-in person
		signIn("operator", "operator-password");

		// When: the console (or someone) asks for a code without PKCE
		HttpResponse<String> response = get(authorizeUri(null), "text/html");

		// Then: no code; the error goes back to the registered redirect URI
		assertThat(response.statusCode()).isEqualTo(302);
		String location = response.headers().firstValue("Location").orElseThrow();
		assertThat(location).startsWith(REDIRECT_URI).contains("error=invalid_request").doesNotContain("code=");
	}

	@Test
	void sendsAWrongPasswordBackToTheLoginPage() throws Exception {
		// Given
		HttpResponse<String> toLogin = get(authorizeUri(challenge(verifier)), "text/html");
		assertThat(toLogin.statusCode()).isEqualTo(302);

		// When
		HttpResponse<String> login = postLogin("operator", "not-the-password");

		// Then
		assertThat(login.statusCode()).isEqualTo(302);
		assertThat(login.headers().firstValue("Location").orElseThrow()).endsWith("/login?error");
	}

	@Test
	void answersAMachineThatIsNotSignedInWithAnErrorNotTheLoginPage() throws Exception {
		HttpResponse<String> response = get(authorizeUri(challenge(verifier)), "application/json");

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("Location")).isEmpty();
	}

	@Test
	void neitherRedirectsNorGivesASessionToAClientThatAcceptsAnything() throws Exception {
		// When: a token request without credentials and without an Accept header, and one accepting */*
		HttpResponse<String> bare = browser.send(HttpRequest.newBuilder(URI.create(base() + "/oauth2/token"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
			.build(), HttpResponse.BodyHandlers.ofString());
		HttpResponse<String> anything = get(authorizeUri(challenge(verifier)), "*/*");

		// Then
		for (HttpResponse<String> response : java.util.List.of(bare, anything)) {
			assertThat(response.statusCode()).as(response.request().uri().getPath()).isEqualTo(401);
			assertThat(response.headers().firstValue("Location")).isEmpty();
			assertThat(response.headers().firstValue("Set-Cookie")).isEmpty();
		}
	}

	@Test
	void passesTheConsolesPagesThroughWithoutAToken() throws Exception {
		// When
		HttpResponse<String> response = get(URI.create(base() + "/console/overview?x=" + UUID.randomUUID()), "text/html");

		// Then: forwarded to the console, which decides itself who may see it
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(downstream.lastRequestTo(response.request().uri().getRawPath() + "?"
				+ response.request().uri().getRawQuery())).isPresent();
	}

	/** The whole browser part of the flow; the authorisation code the console receives. */
	private String signIn(String username, String password) throws Exception {
		URI authorize = authorizeUri(challenge(verifier));
		HttpResponse<String> toLogin = get(authorize, "text/html");
		assertThat(toLogin.statusCode()).isEqualTo(302);
		assertThat(toLogin.headers().firstValue("Location").orElseThrow()).endsWith("/login");
		HttpResponse<String> login = postLogin(username, password);
		assertThat(login.statusCode()).isEqualTo(302);
		// Back to the authorisation request that was interrupted
		HttpResponse<String> authorized = get(URI.create(login.headers().firstValue("Location").orElseThrow()),
				"text/html");
		assertThat(authorized.statusCode()).isEqualTo(302);
		var redirect = UriComponentsBuilder.fromUriString(authorized.headers().firstValue("Location").orElseThrow())
			.build();
		assertThat(redirect.toUriString()).startsWith(REDIRECT_URI);
		assertThat(redirect.getQueryParams().getFirst("state")).isEqualTo("the-state");
		return java.net.URLDecoder.decode(redirect.getQueryParams().getFirst("code"), StandardCharsets.UTF_8);
	}

	private HttpResponse<String> postLogin(String username, String password) throws Exception {
		HttpResponse<String> page = get(URI.create(base() + "/login"), "text/html");
		assertThat(page.statusCode()).isEqualTo(200);
		Matcher csrf = CSRF.matcher(page.body());
		assertThat(csrf.find()).as("the login form carries a CSRF token").isTrue();
		return browser.send(HttpRequest.newBuilder(URI.create(base() + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form(Map.of("username", username, "password", password,
					"_csrf", csrf.group(1)))))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private Map<String, Object> exchange(String code, String codeVerifier) throws Exception {
		HttpResponse<String> response = tokenRequest(code, codeVerifier);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return json.readValue(response.body(), Map.class);
	}

	/** What the console does on its server: the code, its verifier and the console's own credentials. */
	private HttpResponse<String> tokenRequest(String code, String codeVerifier) throws IOException, InterruptedException {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("grant_type", "authorization_code");
		form.put("code", code);
		form.put("redirect_uri", REDIRECT_URI);
		form.put("code_verifier", codeVerifier);
		String basic = Base64.getEncoder().encodeToString("console:console-secret".getBytes(StandardCharsets.UTF_8));
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(base() + "/oauth2/token"))
				.header("Authorization", "Basic " + basic)
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form(form)))
				.build(), HttpResponse.BodyHandlers.ofString());
	}

	private URI authorizeUri(String codeChallenge) {
		var uri = UriComponentsBuilder.fromUriString(base() + "/oauth2/authorize")
			.queryParam("response_type", "code")
			.queryParam("client_id", "console")
			.queryParam("scope", "openid profile")
			.queryParam("redirect_uri", REDIRECT_URI)
			.queryParam("state", "the-state")
			.queryParam("nonce", "the-nonce");
		if (codeChallenge != null) {
			uri.queryParam("code_challenge", codeChallenge).queryParam("code_challenge_method", "S256");
		}
		return uri.encode().build().toUri();
	}

	private HttpResponse<String> get(URI uri, String accept) throws IOException, InterruptedException {
		return browser.send(HttpRequest.newBuilder(uri).header("Accept", accept).GET().build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private String base() {
		return "http://127.0.0.1:" + port;
	}

	private static String challenge(String verifier) throws NoSuchAlgorithmException {
		byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
		return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
	}

	private static String form(Map<String, String> fields) {
		return fields.entrySet()
			.stream()
			.map(field -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
	}

}
