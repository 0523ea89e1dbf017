package io.eventplatform.weather;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

@SpringBootApplication
@ConfigurationPropertiesScan
public class WeatherIngestServiceApplication {

	public static void main(String[] args) {
		SpringApplication.run(WeatherIngestServiceApplication.class, args);
	}

	/** The service's "now" (a reading may not come from the future), one bean so tests can pin it. */
	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}
}
