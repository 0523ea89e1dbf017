package io.eventplatform.console.overview;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import tools.jackson.databind.json.JsonMapper;

import io.eventplatform.console.web.ConsolePage;

@Controller
@ConsolePage
class OverviewController {

	private final ClusterOverview cluster;

	private final PartsHealth parts;

	private final JsonMapper json;

	OverviewController(ClusterOverview cluster, PartsHealth parts, JsonMapper json) {
		this.cluster = cluster;
		this.parts = parts;
		this.json = json;
	}

	@GetMapping("/")
	String overview(Model model) throws Exception {
		ClusterOverview.Cluster described = cluster.describe();
		model.addAttribute("cluster", described);
		model.addAttribute("rates", json.writeValueAsString(described.rates()));
		return "overview";
	}

	/** The parts' readiness, refreshed by the page on its own (htmx), so a slow part never delays the rest. */
	@GetMapping("/overview/parts")
	String parts(Model model) {
		model.addAttribute("parts", parts.check());
		return "overview :: parts";
	}
}
