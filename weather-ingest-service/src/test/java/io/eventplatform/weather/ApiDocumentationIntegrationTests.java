package io.eventplatform.weather;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

@WeatherIngestIntegrationTest
class ApiDocumentationIntegrationTests {

	@Autowired
	MockMvcTester mvc;

	@Test
	void shouldDescribeBothEndpointsWithExamplesAndErrorsWithoutAToken() {
		// When
		MvcTestResult docs = mvc.get().uri("/v3/api-docs").exchange();

		// Then
		assertThat(docs).hasStatus(200);
		String single = "$.paths['/api/weather/readings'].post";
		String batch = "$.paths['/api/weather/readings/batch'].post";
		assertThat(docs).bodyJson()
			.extractingPath(single + ".requestBody.content['application/json'].examples.reading.value.stationId")
			.isEqualTo("station-042");
		assertThat(docs).bodyJson()
			.extractingPath(batch + ".requestBody.content['application/json'].examples.batch.value")
			.asArray()
			.hasSize(3);
		assertThat(docs).bodyJson().extractingPath(single + ".responses").asMap()
			.containsOnlyKeys("202", "400", "401", "403", "413", "503");
		assertThat(docs).bodyJson().extractingPath(batch + ".responses").asMap()
			.containsOnlyKeys("202", "400", "401", "403", "413", "503");
		assertThat(docs).bodyJson()
			.extractingPath(batch + ".responses['503'].headers['Retry-After']")
			.isNotNull();
		assertThat(docs).bodyJson()
			.extractingPath(batch + ".responses['400'].content['application/problem+json'].example.errors[0].field")
			.isEqualTo("[0].humidityPercent");
		assertThat(docs).bodyJson()
			.extractingPath("$.components.schemas.Problem.properties.errors.items['$ref']")
			.isEqualTo("#/components/schemas/FieldProblem");
		assertThat(docs).bodyJson()
			.extractingPath("$.components.schemas.FieldProblem.properties")
			.asMap()
			.containsOnlyKeys("field", "rule", "message");
		assertThat(docs).bodyJson()
			.extractingPath("$.components.schemas.FieldProblem.properties.rule.example")
			.isEqualTo("DecimalMax");
		assertThat(docs).bodyJson().extractingPath("$.components.securitySchemes.bearer.scheme").isEqualTo("bearer");
	}
}
