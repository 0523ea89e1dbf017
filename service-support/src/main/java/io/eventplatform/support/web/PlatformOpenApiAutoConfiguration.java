package io.eventplatform.support.web;

import java.util.List;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.security.OAuthFlow;
import io.swagger.v3.oas.models.security.OAuthFlows;
import io.swagger.v3.oas.models.security.Scopes;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;

import io.eventplatform.support.security.PlatformSecurityProperties;

/**
 * Every service's API description names the way to a token: OAuth2 client credentials at the gateway's
 * {@code /oauth2/token}, with the platform's scopes. Swagger UI (the gateway's gathers all services) then offers an
 * "Authorize" dialog that fetches a token with a client id and secret and sends it with every call it tries out.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(GlobalOpenApiCustomizer.class)
class PlatformOpenApiAutoConfiguration {

	static final String SCHEME = "gateway-oauth2";

	static final List<String> SCOPES = List.of("users:write", "users:read", "weather:write", "transactions:write",
			"transactions:read", "analytics:read", "notifications:read", "platform:admin");

	@Bean
	GlobalOpenApiCustomizer platformTokenFlow(PlatformSecurityProperties security) {
		String tokenUrl = security.issuerUri().toString().replaceAll("/+$", "") + "/oauth2/token";
		return openApi -> {
			Scopes scopes = new Scopes();
			SCOPES.forEach(scope -> scopes.addString(scope, scope));
			if (openApi.getComponents() == null) {
				openApi.setComponents(new Components());
			}
			openApi.getComponents()
				.addSecuritySchemes(SCHEME, new SecurityScheme().type(SecurityScheme.Type.OAUTH2)
					.description("A token of the gateway (client-credentials grant)")
					.flows(new OAuthFlows().clientCredentials(new OAuthFlow().tokenUrl(tokenUrl).scopes(scopes))));
			openApi.addSecurityItem(new SecurityRequirement().addList(SCHEME));
		};
	}

}
