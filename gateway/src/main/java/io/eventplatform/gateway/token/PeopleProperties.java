package io.eventplatform.gateway.token;

import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The people who sign in to the console through the authorisation server's login page
 * ({@code platform.security.users.<name>.*}). In development they come from application.yml; elsewhere from the
 * environment, e.g. {@code PLATFORM_SECURITY_USERS_OPERATOR_PASSWORD='{bcrypt}$2a$10$...'}.
 *
 * @param users per user name
 */
@ConfigurationProperties("platform.security")
record PeopleProperties(@DefaultValue Map<String, Person> users) {

	/**
	 * @param password the stored password, its encoding named by a prefix ({@code {bcrypt}...}; {@code {noop}} is plain
	 * text, for a developer's machine only)
	 * @param roles what the person may do in the console: {@code viewer} (reads, personal data masked),
	 * {@code operator} (acts); written into the ID and access tokens as the {@code roles} claim
	 */
	record Person(String password, @DefaultValue("viewer") List<String> roles) {
	}

}
