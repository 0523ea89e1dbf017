package io.eventplatform.support.web;

import jakarta.validation.Validation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.junit.jupiter.api.Test;

import org.springframework.aop.framework.ProxyFactory;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.validation.annotation.Validated;
import org.springframework.validation.beanvalidation.MethodValidationInterceptor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A controller annotated {@code @Validated}, as analytics-service's are: its parameters are checked by a
 * method-validation proxy, whose exception is not one Spring MVC knows.
 */
class ValidatedParametersTests {

	private final MockMvc mvc = MockMvcBuilders.standaloneSetup(validated(new HoursController()))
		.setControllerAdvice(new ProblemDetailsAdvice())
		.build();

	@Test
	void answers400NamingTheParameterAndTheRuleItBreaks() throws Exception {
		mvc.perform(get("/api/hours").param("hours", "0"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentType("application/problem+json"))
			.andExpect(jsonPath("$.title").value("Invalid request"))
			.andExpect(jsonPath("$.detail").value("hours must be greater than or equal to 1"))
			.andExpect(jsonPath("$.errors[0].field").value("hours"))
			.andExpect(jsonPath("$.errors[0].rule").value("Min"));
		mvc.perform(get("/api/hours").param("hours", "721"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].rule").value("Max"));
	}

	@Test
	void answersAValidValue() throws Exception {
		mvc.perform(get("/api/hours").param("hours", "24")).andExpect(status().isOk());
	}

	private static Object validated(Object controller) {
		ProxyFactory proxy = new ProxyFactory(controller);
		proxy.setProxyTargetClass(true);
		proxy.addAdvice(new MethodValidationInterceptor(Validation.buildDefaultValidatorFactory().getValidator()));
		return proxy.getProxy();
	}

	@RestController
	@Validated
	static class HoursController {

		@GetMapping("/api/hours")
		public String hours(@RequestParam @Min(1) @Max(720) int hours) {
			return "ok";
		}

	}

}
