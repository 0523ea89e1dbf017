package io.eventplatform.weather;

import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

/** The API description at {@code /v3/api-docs} (public) and {@code /swagger-ui.html}. */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(info = @Info(title = "Weather ingest API", version = "1",
		description = "Weather station readings into the topic weather.readings, keyed by station. Called through "
				+ "the gateway (http://localhost:8080) with a bearer token from its /oauth2/token endpoint. Errors "
				+ "are application/problem+json."),
		security = @SecurityRequirement(name = OpenApiConfiguration.BEARER))
@SecurityScheme(name = OpenApiConfiguration.BEARER, type = SecuritySchemeType.HTTP, scheme = "bearer",
		bearerFormat = "JWT", description = "An access token of the gateway with scope weather:write")
class OpenApiConfiguration {

	static final String BEARER = "bearer";
}
