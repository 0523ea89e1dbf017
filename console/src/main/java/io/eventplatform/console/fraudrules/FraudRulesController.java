package io.eventplatform.console.fraudrules;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import tools.jackson.databind.JsonNode;

import io.eventplatform.console.audit.AuditLog;
import io.eventplatform.console.platformapi.PlatformApi;
import io.eventplatform.console.platformapi.ServiceCallFailed;
import io.eventplatform.console.security.Roles;
import io.eventplatform.console.web.ConsolePage;
import io.eventplatform.console.web.PageProblem;

/**
 * The fraud rules analytics-service judges transactions by, read and changed through its API: a change is a record
 * of a compacted topic that every instance reads, so it applies within seconds, without a restart.
 */
@Controller
@ConsolePage
class FraudRulesController {

	static final String PATH = "/api/analytics/fraud/rules";

	/** The rule settings, in the order the page shows them; amounts are decimal strings, windows ISO-8601 durations. */
	static final List<String> FIELDS = List.of("largeAmount", "maxTransactionsPerWindow", "velocityWindow",
			"countryChangeWindow", "smallAmount", "largeAfterSmallAmount", "smallThenLargeWindow");

	private final PlatformApi api;

	private final AuditLog audit;

	FraudRulesController(PlatformApi api, AuditLog audit) {
		this.api = api;
		this.audit = audit;
	}

	@GetMapping("/fraud-rules")
	String rules(Model model) {
		try {
			JsonNode rules = api.get(PATH);
			Map<String, String> values = new LinkedHashMap<>();
			FIELDS.forEach(field -> values.put(field, rules.path(field).asString("")));
			model.addAttribute("rules", values);
			model.addAttribute("changedBy", rules.path("changedBy").asString(""));
			model.addAttribute("changedAt", rules.path("changedAt").asString(""));
		}
		catch (ServiceCallFailed ex) {
			throw new PageProblem(HttpStatus.BAD_GATEWAY, "The fraud rules could not be read: " + ex.getMessage());
		}
		return "fraud-rules";
	}

	@PostMapping("/fraud-rules")
	String change(@RequestParam Map<String, String> form, Authentication person, RedirectAttributes redirect) {
		Map<String, Object> body = new LinkedHashMap<>();
		for (String field : FIELDS) {
			String value = form.getOrDefault(field, "").strip();
			if (value.isEmpty()) {
				throw new PageProblem(HttpStatus.BAD_REQUEST, field + " is required");
			}
			if (field.equals("maxTransactionsPerWindow")) {
				try {
					body.put(field, Integer.parseInt(value));
				}
				catch (NumberFormatException ex) {
					throw new PageProblem(HttpStatus.BAD_REQUEST, field + " must be a whole number, not " + value);
				}
			}
			else {
				body.put(field, value);
			}
		}
		body.put("changedBy", Roles.nameOf(person));
		try {
			api.put(PATH, body);
		}
		catch (ServiceCallFailed ex) {
			throw new PageProblem(HttpStatus.BAD_GATEWAY, "The change was refused: " + ex.getMessage());
		}
		body.remove("changedBy");
		audit.record(Roles.nameOf(person), "fraud-rules.change", "analytics.fraud-rules", body.toString(), 1);
		redirect.addFlashAttribute("notice", "Fraud rules changed; new transactions are judged by them within seconds");
		return "redirect:/fraud-rules";
	}
}
