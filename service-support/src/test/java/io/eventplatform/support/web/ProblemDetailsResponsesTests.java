package io.eventplatform.support.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ProblemDetailsResponsesTests {

	// A mapper without Spring Boot's customisations: the writer must not depend on them.
	final JsonMapper json = JsonMapper.builder().build();

	final ProblemDetailsResponses problems = new ProblemDetailsResponses(json);

	final MockHttpServletResponse response = new MockHttpServletResponse();

	@Test
	void shouldWriteTheProblemWithItsPropertiesAtTheTopLevelAndTheRequestsPathAsInstance() throws Exception {
		// Given
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "stationId is blank");
		problem.setTitle("Invalid request");
		problem.setProperty("errors", List.of(new FieldProblem("stationId", "Size", "size must be between 1 and 64")));

		// When
		problems.write(new MockHttpServletRequest("POST", "/api/weather/readings"), response, problem);

		// Then
		assertThat(response.getStatus()).isEqualTo(400);
		assertThat(response.getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		JsonNode body = json.readTree(response.getContentAsByteArray());
		assertThat(body.path("instance").asString()).isEqualTo("/api/weather/readings");
		assertThat(body.path("title").asString()).isEqualTo("Invalid request");
		assertThat(body.path("errors").get(0).path("rule").asString()).isEqualTo("Size");
		assertThat(body.has("properties")).isFalse();
	}

	@Test
	void shouldKeepAnInstanceTheProblemNamesAndNameNoneWhenAskedTo() throws Exception {
		ProblemDetail named = ProblemDetail.forStatus(HttpStatus.TOO_MANY_REQUESTS);
		named.setInstance(URI.create("/oauth2/token"));
		problems.write(new MockHttpServletRequest("POST", "/elsewhere"), response, named);
		assertThat(json.readTree(response.getContentAsByteArray()).path("instance").asString())
			.isEqualTo("/oauth2/token");

		MockHttpServletResponse unnamed = new MockHttpServletResponse();
		problems.write(unnamed, ProblemDetail.forStatus(HttpStatus.BAD_REQUEST));
		assertThat(json.readTree(unnamed.getContentAsByteArray()).has("instance")).isFalse();
	}
}
