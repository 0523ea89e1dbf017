package io.eventplatform.support.web;

import jakarta.validation.ConstraintViolationException;

import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;
import org.springframework.web.servlet.DispatcherServlet;

import tools.jackson.databind.json.JsonMapper;

@AutoConfiguration(beforeName = "org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({ DispatcherServlet.class, ConstraintViolationException.class })
@EnableConfigurationProperties(PlatformWebAutoConfiguration.WebLimits.class)
@Import(ProblemDetailsAdvice.class)
class PlatformWebAutoConfiguration {

	/** @param maxRequestSize the largest API request body; a larger one is answered 413 without being read */
	@ConfigurationProperties("platform.web")
	record WebLimits(@DefaultValue("1MB") DataSize maxRequestSize) {
	}

	/**
	 * Replaces the error report valve that Spring Boot puts on Tomcat's host (HTML) with one that writes problem
	 * details. Applied after Boot's own customizers, which add theirs. Only on Tomcat.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = { "org.apache.catalina.startup.Tomcat",
			"org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory" })
	static class TomcatErrorReportConfiguration {

		@Bean
		WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemDetailsErrorReport(
				ObjectProvider<JsonMapper> json) {
			return new ProblemDetailsErrorReport(json);
		}
	}

	static final class ProblemDetailsErrorReport
			implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

		private final ObjectProvider<JsonMapper> json;

		ProblemDetailsErrorReport(ObjectProvider<JsonMapper> json) {
			this.json = json;
		}

		@Override
		public void customize(TomcatServletWebServerFactory factory) {
			factory.addContextCustomizers(context -> {
				StandardHost host = (StandardHost) context.getParent();
				for (Valve valve : host.getPipeline().getValves()) {
					if (valve instanceof ErrorReportValve) {
						host.getPipeline().removeValve(valve);
					}
				}
				host.setErrorReportValveClass(ProblemDetailsErrorReportValve.class.getName());
				host.getPipeline().addValve(new ProblemDetailsErrorReportValve(json.getIfAvailable(JsonMapper::shared)));
			});
		}

		@Override
		public int getOrder() {
			return Ordered.LOWEST_PRECEDENCE;
		}
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
