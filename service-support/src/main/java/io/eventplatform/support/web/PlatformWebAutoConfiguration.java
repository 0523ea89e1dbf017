package io.eventplatform.support.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.util.unit.DataSize;

import tools.jackson.databind.json.JsonMapper;

@AutoConfiguration(beforeName = "org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(PlatformWebAutoConfiguration.WebLimits.class)
@Import(ProblemDetailsAdvice.class)
class PlatformWebAutoConfiguration {

	/** @param maxRequestSize the largest API request body; a larger one is answered 413 without being read */
	@ConfigurationProperties("platform.web")
	record WebLimits(@DefaultValue("1MB") DataSize maxRequestSize) {
	}

	/**
	 * Ordered after Spring Security's filters (registration beans default to the lowest precedence): only an
	 * authenticated caller gets a body of unknown length read into memory.
	 */
	@Bean
	FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimitFilter(WebLimits limits, JsonMapper json) {
		var registration = new FilterRegistrationBean<>(new RequestBodyLimitFilter(limits.maxRequestSize(), json));
		registration.addUrlPatterns("/api/*");
		return registration;
	}
}
