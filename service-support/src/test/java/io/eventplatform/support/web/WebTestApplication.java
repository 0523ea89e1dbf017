package io.eventplatform.support.web;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** A service with one public endpoint and nothing but service-support's web and security configuration. */
@SpringBootApplication
class WebTestApplication {

	@RestController
	static class HealthyController {

		@GetMapping("/actuator/health/probe")
		String probe() {
			return "{}";
		}

	}

}
