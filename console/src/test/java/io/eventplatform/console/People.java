package io.eventplatform.console;

import java.util.List;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.OidcLoginRequestPostProcessor;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;

/** The two kinds of person the console knows, signed in as the gateway's ID token would sign them in. */
final class People {

	private People() {
	}

	static OidcLoginRequestPostProcessor viewer() {
		return oidcLogin().idToken(token -> token.subject("viewer").claim("roles", List.of("viewer")))
			.authorities(new SimpleGrantedAuthority("ROLE_VIEWER"));
	}

	static OidcLoginRequestPostProcessor operator() {
		return oidcLogin().idToken(token -> token.subject("operator").claim("roles", List.of("viewer", "operator")))
			.authorities(new SimpleGrantedAuthority("ROLE_VIEWER"), new SimpleGrantedAuthority("ROLE_OPERATOR"));
	}

}
