package io.eventplatform.console;

import static io.eventplatform.console.People.operator;
import static io.eventplatform.console.People.viewer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.OidcLoginRequestPostProcessor;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import io.eventplatform.console.StubGateway.Request;

/**
 * The web traffic page against a stand-in gateway that answers analytics-service's web-analytics queries as the
 * contract shapes them (and fails them, as a gateway whose analytics-service is down does); viewers and operators
 * signed in through {@code oidcLogin()}.
 */
@SpringBootTest(properties = {
		"spring.datasource.url=jdbc:h2:mem:console-web;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
		"management.server.port=0", "platform.console.sampling.interval=1h" })
@AutoConfigureMockMvc
@EmbeddedKafka(bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class WebTrafficIntegrationTests {

	static final StubGateway gateway = StubGateway.start();

	static final String ROUTES = "/api/analytics/web/routes";

	static final String SERIES = "/api/analytics/web/routes/series";

	static final String ERRORS = "/api/analytics/web/errors";

	static final String BUSIEST = """
			{"from":"2026-12-01T09:45:00Z","to":"2026-12-01T10:00:00Z","sort":"calls","page":0,"size":20,"total":37,
			 "routes":[
			  {"route":"GET /api/users/{id}","callsPerMinute":120.5,"calls":1807,"clientErrors":90,"serverErrors":18,
			   "errorShare":0.0597,"p50":12,"p95":80,"p99":240},
			  {"route":"POST /api/transactions","callsPerMinute":3.0,"calls":45,"clientErrors":0,"serverErrors":9,
			   "errorShare":0.2,"p50":30,"p95":900,"p99":1250}]}
			""";

	static final String SERIES_POINTS = """
			{"route":"GET /api/users/{id}","resolution":"minute","points":[
			  {"start":"2026-12-01T09:59:00Z","calls":100,"clientErrors":5,"serverErrors":5,"errorShare":0.1,
			   "p50":11,"p95":70,"p99":230},
			  {"start":"2026-12-01T09:58:00Z","calls":80,"clientErrors":0,"serverErrors":0,"errorShare":0.0,
			   "p50":10,"p95":60,"p99":210}]}
			""";

	@DynamicPropertySource
	static void gateway(DynamicPropertyRegistry registry) {
		registry.add("platform.console.gateway-uri", gateway::uri);
	}

	@AfterAll
	static void stopGateway() {
		gateway.close();
	}

	@Autowired
	MockMvc mvc;

	@Test
	void shouldShowTheBusiestRoutesWithTheirRateErrorShareAndPercentilesToAViewer() throws Exception {
		// Given: analytics-service's busiest routes
		gateway.answer("GET " + ROUTES, BUSIEST);

		// When: a viewer opens the page
		String page = page(get("/web"), viewer());

		// Then: one row per route with its figures, refreshed every few seconds, asked with the console's token
		assertThat(page).contains("data-test=\"nav-web\"")
			.contains("hx-trigger=\"every 5s\"")
			.contains("<span data-test=\"routes-total\">37</span>")
			.containsPattern("data-test=\"route-row\" data-route=\"GET /api/users/\\{id\\}\">\\s*<td><a[^>]*>GET /api/users/\\{id\\}</a></td>"
					+ "\\s*<td data-test=\"calls-per-minute\">120.5</td>\\s*<td data-test=\"calls\">1807</td>"
					+ "\\s*<td data-test=\"error-share\">6.0 %</td>\\s*<td data-test=\"p50\">12</td>\\s*<td data-test=\"p99\">240</td>")
			.contains("<td data-test=\"error-share\">20.0 %</td>")
			.doesNotContain("data-test=\"web-analytics-down\"");
		assertThat(page.indexOf("GET /api/users/{id}")).isLessThan(page.indexOf("POST /api/transactions"));
		Request asked = last(ROUTES);
		assertThat(asked.query()).isEqualTo("minutes=15&sort=calls&page=0&size=20");
		assertThat(asked.authorization()).isEqualTo("Bearer console-token");
	}

	@Test
	void shouldPassTheChosenSortToAnalyticsAndMarkItAndRefuseAnUnknownOne() throws Exception {
		gateway.answer("GET " + ROUTES, BUSIEST.replace("\"sort\":\"calls\"", "\"sort\":\"p99\""));

		String byP99 = page(get("/web/routes").param("sort", "p99"), operator());
		String byErrors = page(get("/web").param("sort", "errorShare"), viewer());
		String unknown = mvc.perform(get("/web/routes").param("sort", "latency").with(viewer()))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(byP99).containsPattern("data-test=\"sort-p99\"[^>]*class=\"sorted\"")
			.contains("hx-get=\"/web/routes?sort=p99\"")
			.contains("<b data-test=\"routes-sort\">p99</b>");
		assertThat(gateway.requestsTo("GET", ROUTES).stream().map(Request::query))
			.contains("minutes=15&sort=p99&page=0&size=20", "minutes=15&sort=errorShare&page=0&size=20")
			.noneMatch(query -> query.contains("latency"));
		assertThat(byErrors).containsPattern("data-test=\"sort-errorShare\"[^>]*class=\"sorted\"");
		assertThat(unknown).contains("The field sort must be one of calls, p99, errorShare");
	}

	@Test
	void shouldChartARoutePerMinuteAndPerHourWithTheRouteEncodedAsOneValue() throws Exception {
		gateway.answer("GET " + SERIES, SERIES_POINTS);

		String minutes = page(get("/web/route").param("route", "GET /api/users/{id}"), viewer());
		String minuteQuery = last(SERIES).query();
		String hours = page(get("/web/route").param("route", "GET /api/users/{id}").param("resolution", "hour"), viewer());
		String hourQuery = last(SERIES).query();
		String linked = page(get("/web").param("route", "GET /api/users/{id}"), viewer());

		assertThat(minuteQuery).isEqualTo("route=GET%20%2Fapi%2Fusers%2F%7Bid%7D&resolution=minute");
		assertThat(hourQuery).isEqualTo("route=GET%20%2Fapi%2Fusers%2F%7Bid%7D&resolution=hour");
		long first = Instant.parse("2026-12-01T09:58:00Z").getEpochSecond();
		// uPlot's columns, oldest window first: calls, error share in per cent, p50 and p99
		assertThat(minutes).contains("data-test=\"route-chart-plot\"")
			.contains("<code data-test=\"chart-route\">GET /api/users/{id}</code>")
			.contains("{\"times\":[" + first + "," + (first + 60) + "],\"calls\":[80,100],\"errorPercent\":[0.0,10.0],"
					+ "\"p50\":[10,11],\"p99\":[210,230]}");
		assertThat(hours).containsPattern("data-test=\"resolution-hour\"[^>]*class=\"sorted\"");
		assertThat(linked).contains("hx-get=\"/web/route?route=GET%20/api/users/%7Bid%7D&amp;resolution=minute\"").contains("hx-trigger=\"load\"");
	}

	@Test
	void shouldChartTheCallsTheGatewayRefusedBeforeAnyRoute() throws Exception {
		gateway.answer("GET " + SERIES, SERIES_POINTS);

		String refused = page(get("/web/route").param("route", "GET unrouted"), viewer());

		assertThat(last(SERIES).query()).isEqualTo("route=GET%20unrouted&resolution=minute");
		assertThat(refused).contains("<code data-test=\"chart-route\">GET unrouted</code>");
	}

	@Test
	void shouldChartTheErrorShareOverTime() throws Exception {
		gateway.answer("GET " + ERRORS, SERIES_POINTS.replace("\"route\":\"GET /api/users/{id}\",", ""));

		String chart = page(get("/web/errors"), viewer());

		assertThat(last(ERRORS).query()).isEqualTo("resolution=minute");
		assertThat(chart).contains("data-test=\"errors-chart-plot\"").contains("\"errorPercent\":[0.0,10.0]");
	}

	@Test
	void shouldSayPlainlyThatAnalyticsIsUnreachableInsteadOfFailing() throws Exception {
		String down = "{\"title\":\"Service Unavailable\",\"status\":503,\"detail\":\"analytics-service is not reachable\"}";
		gateway.answer("GET " + ROUTES, 503, down);
		gateway.answer("GET " + SERIES, 503, down);
		gateway.answer("GET " + ERRORS, 503, down);
		try {
			String page = page(get("/web"), viewer());
			String table = page(get("/web/routes"), operator());
			String route = page(get("/web/route").param("route", "GET /api/users/{id}"), viewer());
			String errors = page(get("/web/errors"), viewer());

			for (String part : new String[] { page, table, route, errors }) {
				assertThat(part).contains("data-test=\"web-analytics-down\"")
					.contains("Web analytics is unreachable right now")
					.contains("answered 503");
			}
			assertThat(page).contains("data-test=\"nav-web\"").doesNotContain("data-test=\"routes-table\"");
		}
		finally {
			gateway.answer("GET " + ROUTES, BUSIEST);
		}
	}

	private String page(MockHttpServletRequestBuilder request, OidcLoginRequestPostProcessor person) throws Exception {
		return mvc.perform(request.with(person)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

	private static Request last(String path) {
		var requests = gateway.requestsTo("GET", path);
		assertThat(requests).as("requests to " + path).isNotEmpty();
		return requests.get(requests.size() - 1);
	}
}
