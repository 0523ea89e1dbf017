package io.eventplatform.gateway.analytics;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import io.eventplatform.support.kafka.EventPublisher;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RequestAnalyticsProperties.class)
@ConditionalOnProperty(name = "platform.gateway.analytics.enabled", matchIfMissing = true)
class RequestAnalyticsConfiguration {

	@Bean
	RequestEventSender requestEventSender(EventPublisher publisher, RequestAnalyticsProperties properties,
			MeterRegistry meters) {
		return new RequestEventSender(publisher, properties.queueCapacity(), meters);
	}

	/** Before Spring Security's filters, so that the latency and the status include theirs. */
	@Bean
	FilterRegistrationBean<RequestAnalyticsFilter> requestAnalyticsFilter(RequestEventSender sender) {
		var registration = new FilterRegistrationBean<>(new RequestAnalyticsFilter(sender));
		registration.addUrlPatterns("/api/*");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}

}
