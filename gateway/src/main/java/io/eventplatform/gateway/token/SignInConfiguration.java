package io.eventplatform.gateway.token;

import java.util.Locale;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Signing people in, for the console's authorisation-code flow: the login form at {@code /login} (Spring Security's
 * own page) and the people of {@link PeopleProperties}. The authorisation endpoint sends a browser without a session
 * here and continues the flow after the login.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PeopleProperties.class)
class SignInConfiguration {

	static final String LOGIN_PAGE = "/login";

	/** After the authorisation server's chain, before the API's (which takes every other path). */
	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE + 1)
	SecurityFilterChain signInSecurityFilterChain(HttpSecurity http) throws Exception {
		http.securityMatcher(LOGIN_PAGE, "/logout", "/default-ui.css")
			.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
			.formLogin(Customizer.withDefaults())
			.logout(Customizer.withDefaults());
		return http.build();
	}

	@Bean
	UserDetailsService people(PeopleProperties people) {
		InMemoryUserDetailsManager manager = new InMemoryUserDetailsManager();
		people.users()
			.forEach((name, person) -> manager.createUser(User.withUsername(name)
				.password(person.password())
				.roles(person.roles().stream().map(role -> role.toUpperCase(Locale.ROOT)).toArray(String[]::new))
				.build()));
		return manager;
	}

}
