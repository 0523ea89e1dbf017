package io.eventplatform.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * Adds {@code platform-defaults.yml} as the property source of lowest precedence, so the settings every service shares
 * (serialisers, acks, probes, JWT issuer) are written once, and a service's own {@code application.yml}, its profile or
 * its command line still overrides any of them. A document with {@code spring.config.activate.on-profile} applies only
 * while that profile is active (e.g. {@code postgresql}).
 */
class PlatformDefaultsEnvironmentPostProcessor implements EnvironmentPostProcessor {

	static final String RESOURCE = "platform-defaults.yml";

	private static final String ON_PROFILE = "spring.config.activate.on-profile";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		try {
			List<PropertySource<?>> applicable = new ArrayList<>();
			for (PropertySource<?> source : new YamlPropertySourceLoader().load("platformDefaults",
					new ClassPathResource(RESOURCE))) {
				Object profiles = source.getProperty(ON_PROFILE);
				if (profiles == null) {
					applicable.add(source);
				}
				else if (environment.acceptsProfiles(Profiles.of(profiles.toString()))) {
					// A profile's document comes before the documents that apply always, as in application.yml.
					applicable.add(0, source);
				}
			}
			applicable.forEach(environment.getPropertySources()::addLast);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + RESOURCE, ex);
		}
	}
}
