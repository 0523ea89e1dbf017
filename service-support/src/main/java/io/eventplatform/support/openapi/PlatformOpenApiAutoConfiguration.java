package io.eventplatform.support.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.security.OAuthFlow;
import io.swagger.v3.oas.models.security.OAuthFlows;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.prepost.PreAuthorize;

import io.eventplatform.support.security.PlatformSecurityProperties;
import io.eventplatform.support.security.Scopes;

/**
 * Every service's API description names the way to a token: OAuth2 client credentials at the gateway's
 * {@code /oauth2/token}, with the platform's scopes. Swagger UI (the gateway's gathers all services) then offers an
 * "Authorize" dialog that fetches a token with a client id and secret and sends it with every call it tries out.
 */
@AutoConfiguration(afterName = "io.eventplatform.support.security.PlatformSecurityAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({ GlobalOpenApiCustomizer.class, PreAuthorize.class })
@ConditionalOnBean(PlatformSecurityProperties.class)
class PlatformOpenApiAutoConfiguration {

	static final String SCHEME = "gateway-oauth2";


	@Bean
	GlobalOpenApiCustomizer platformTokenFlow(PlatformSecurityProperties security) {
		String tokenUrl = security.issuerUri().toString().replaceAll("/+$", "") + "/oauth2/token";
		return openApi -> {
			io.swagger.v3.oas.models.security.Scopes scopes = new io.swagger.v3.oas.models.security.Scopes();
			Scopes.all().forEach(scope -> scopes.addString(scope, scope));
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

	/**
	 * Each operation names the scope its {@code @PreAuthorize} requires ({@link Scopes.Require}), so the description
	 * says what the gateway and the service check.
	 */
	@Bean
	OperationCustomizer platformOperationScopes() {
		return (operation, handler) -> {
			PreAuthorize required = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), PreAuthorize.class);
			if (required == null) {
				required = AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), PreAuthorize.class);
			}
			if (required != null) {
				String expression = required.value();
				Scopes.all()
					.stream()
					.filter(scope -> expression.contains("'" + Scopes.authority(scope) + "'"))
					.forEach(scope -> operation.addSecurityItem(new SecurityRequirement().addList(SCHEME, scope)));
			}
			return operation;
		};
	}

}
