package io.eventplatform.console.metrics;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import tools.jackson.databind.json.JsonMapper;

import io.eventplatform.console.web.ConsolePage;

/** The metrics page: the dashboard's key panels, live from Prometheus, or a plain word on why there are none. */
@Controller
@ConsolePage
class MetricsController {

	private final PlatformMetrics metrics;

	private final JsonMapper json;

	MetricsController(PlatformMetrics metrics, JsonMapper json) {
		this.metrics = metrics;
		this.json = json;
	}

	@GetMapping("/metrics")
	String metrics(Model model) {
		PlatformMetrics.Panels panels = metrics.read();
		model.addAttribute("metrics", panels);
		// The end-to-end chart's points, drawn by console.js like the overview's rates.
		model.addAttribute("rates", json.writeValueAsString(panels.chart()));
		return "metrics";
	}
}
