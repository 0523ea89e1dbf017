package io.eventplatform.weather.readings.web;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.eventplatform.weather.readings.WeatherIngestProperties;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
class ReadingsWebConfiguration {

	/**
	 * Ordered after Spring Security's filters (registration beans default to the lowest precedence): only an
	 * authenticated caller gets a body of unknown length read into memory.
	 */
	@Bean
	FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimitFilter(WeatherIngestProperties properties,
			JsonMapper json) {
		var registration = new FilterRegistrationBean<>(new RequestBodyLimitFilter(properties.maxRequestSize(), json));
		registration.addUrlPatterns("/api/*");
		return registration;
	}
}
