package io.eventplatform.weather;


import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class WeatherIngestServiceApplication {

	public static void main(String[] args) {
		SpringApplication.run(WeatherIngestServiceApplication.class, args);
	}
}
