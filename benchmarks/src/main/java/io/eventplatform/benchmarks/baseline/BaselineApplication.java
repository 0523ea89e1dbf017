package io.eventplatform.benchmarks.baseline;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The H baseline: an application on service-support, like every service (same Tomcat, same security filter chain
 * validating the gateway's JWTs, same JSON and bean validation, same JVM options), whose one endpoint does what
 * weather-ingest-service does for a reading except publishing it. R/H is then the cost of Kafka alone.
 */
@SpringBootApplication
public class BaselineApplication {

	public static void main(String[] args) {
		SpringApplication.run(BaselineApplication.class, args);
	}

}
