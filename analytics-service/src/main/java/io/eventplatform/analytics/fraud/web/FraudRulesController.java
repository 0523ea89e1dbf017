package io.eventplatform.analytics.fraud.web;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.eventplatform.analytics.fraud.FraudRules;
import io.eventplatform.analytics.fraud.FraudRulesChanges;
import io.eventplatform.analytics.fraud.FraudRulesQueries;
import io.eventplatform.support.security.Scopes;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;

/** The fraud rules in force, and changing them at run time (on every instance, with no restart). */
@RestController
class FraudRulesController {

	private static final String PATH = "/api/analytics/fraud/rules";

	private final FraudRulesQueries queries;

	private final FraudRulesChanges changes;

	FraudRulesController(FraudRulesQueries queries, FraudRulesChanges changes) {
		this.queries = queries;
		this.changes = changes;
	}

	@GetMapping(PATH)
	@PreAuthorize(Scopes.Require.ANALYTICS_READ)
	@Operation(summary = "The fraud rules in force",
			description = "The thresholds and windows this instance judges the next transactions by: the newest valid "
					+ "rule set of analytics.fraud-rules, else the configured ones (changedBy and changedAt null). "
					+ "Right after a PUT an instance may answer the previous rules for a moment, until its global "
					+ "table has read the change. Needs scope analytics:read.")
	@ApiResponse(responseCode = "200", description = "The rules in force")
	@ApiResponse(responseCode = "503", description = "The topology is not running yet; try again after Retry-After",
			headers = @Header(name = "Retry-After", schema = @Schema(type = "integer")),
			content = @Content(mediaType = "application/problem+json"))
	FraudRules rules() {
		return queries.current();
	}

	@PutMapping(PATH)
	@PreAuthorize(Scopes.Require.PLATFORM_ADMIN)
	@Operation(summary = "Change the fraud rules",
			description = "Writes the rule set to analytics.fraud-rules (compacted, key fraud-rules) and answers once "
					+ "the broker has it; every analytics instance judges the transactions it processes from then on "
					+ "by it, within about a second, with no restart. changedAt is the service's clock. Needs scope "
					+ "platform:admin.")
	@ApiResponse(responseCode = "200", description = "The rule set as written")
	@ApiResponse(responseCode = "400", description = "Invalid input: errors names each field and rule",
			content = @Content(mediaType = "application/problem+json"))
	@ApiResponse(responseCode = "503",
			description = "The broker did not acknowledge in time; the rules are unchanged. Send again after "
					+ "Retry-After",
			headers = @Header(name = "Retry-After", schema = @Schema(type = "integer")),
			content = @Content(mediaType = "application/problem+json"))
	FraudRules change(@Valid @RequestBody FraudRulesRequest request) {
		return changes.change(request.toRules(), request.changedBy().strip());
	}
}
