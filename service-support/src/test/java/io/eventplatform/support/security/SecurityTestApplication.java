package io.eventplatform.support.security;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** A service with one endpoint that needs a scope, secured by nothing but service-support. */
@SpringBootApplication
class SecurityTestApplication {

	@RestController
	static class ProbeController {

		@GetMapping("/api/probe")
		@PreAuthorize(Scopes.Require.USERS_READ)
		String probe() {
			return "{\"ok\":true}";
		}

	}

}
