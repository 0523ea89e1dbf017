package io.eventplatform.notification.template;

import java.nio.charset.StandardCharsets;
import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.thymeleaf.spring6.templateresolver.SpringResourceTemplateResolver;
import org.thymeleaf.templatemode.TemplateMode;

@Configuration(proxyBeanMethods = false)
class MailTemplateConfiguration {

	/**
	 * Plain-text bodies ({@code *.txt}), next to the HTML ones Spring Boot's resolver finds; Boot's template engine
	 * picks up every resolver bean.
	 */
	@Bean
	SpringResourceTemplateResolver textTemplateResolver() {
		SpringResourceTemplateResolver resolver = new SpringResourceTemplateResolver();
		resolver.setPrefix("classpath:/templates/");
		resolver.setResolvablePatterns(Set.of("*.txt"));
		resolver.setTemplateMode(TemplateMode.TEXT);
		resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
		resolver.setOrder(0);
		resolver.setCheckExistence(true);
		return resolver;
	}
}
