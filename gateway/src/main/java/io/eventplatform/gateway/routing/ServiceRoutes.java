package io.eventplatform.gateway.routing;

import java.net.URI;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerResponse;

import static org.springframework.cloud.gateway.server.mvc.filter.BeforeFilterFunctions.setPath;
import static org.springframework.cloud.gateway.server.mvc.filter.BeforeFilterFunctions.uri;
import static org.springframework.cloud.gateway.server.mvc.handler.GatewayRouterFunctions.route;
import static org.springframework.cloud.gateway.server.mvc.handler.HandlerFunctions.http;
import static org.springframework.web.servlet.function.RequestPredicates.GET;
import static org.springframework.web.servlet.function.RequestPredicates.path;

/**
 * One route per service, the path forwarded unchanged. Which scope a path needs is decided in the security package,
 * before a request gets here. A pattern {@code /api/users/**} also matches {@code /api/users} itself.
 */
@Configuration(proxyBeanMethods = false)
class ServiceRoutes {

	@Bean
	RouterFunction<ServerResponse> serviceRouterFunction(DownstreamServices services) {
		return serviceRoute("registration", "/api/users/**", services.registration())
			.and(serviceRoute("weather-ingest", "/api/weather/**", services.weatherIngest()))
			.and(serviceRoute("transaction", "/api/transactions/**", services.transaction()))
			.and(serviceRoute("notification", "/api/notifications/**", services.notification()))
			// The history queries kept their path when the warehouse left analytics-service: clients are unchanged.
			// Before the analytics route, which would take them otherwise (the first route that matches wins).
			.and(serviceRoute("warehouse-history", "/api/analytics/history/**", services.warehouse()))
			.and(serviceRoute("analytics", "/api/analytics/**", services.analytics()))
			.and(serviceRoute("warehouse", "/api/warehouse/**", services.warehouse()))
			// The operators' console: pages, not an API; it signs people in itself (see the console chain).
			.and(serviceRoute("console", "/console/**", services.console()))
			.and(apiDocsRoute("registration", services.registration()))
			.and(apiDocsRoute("weather-ingest", services.weatherIngest()))
			.and(apiDocsRoute("transaction", services.transaction()))
			.and(apiDocsRoute("notification", services.notification()))
			.and(apiDocsRoute("analytics", services.analytics()))
			.and(apiDocsRoute("warehouse", services.warehouse()));
	}

	/**
	 * {@code GET /api-docs/<service>}: the service's own OpenAPI description ({@code /v3/api-docs}), which the
	 * gateway's Swagger UI lists ({@code springdoc.swagger-ui.urls}). Through the gateway, so the description's server
	 * address is the gateway's and "try it out" goes through it too.
	 */
	private static RouterFunction<ServerResponse> apiDocsRoute(String service, URI uri) {
		return route(service + "-api-docs").route(GET("/api-docs/" + service), http())
			.before(uri(uri))
			.before(setPath("/v3/api-docs"))
			.onError(DownstreamFailures::isDownstreamFailure, DownstreamFailures::toProblemResponse)
			.build();
	}

	private static RouterFunction<ServerResponse> serviceRoute(String id, String pathPattern, URI service) {
		return route(id).route(path(pathPattern), http())
			// The pattern, not the path, names the route in the request log (gateway.requests): paths carry ids.
			.before(request -> {
				request.servletRequest().setAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE, pathPattern);
				return request;
			})
			.before(uri(service))
			.onError(DownstreamFailures::isDownstreamFailure, DownstreamFailures::toProblemResponse)
			.build();
	}

}
