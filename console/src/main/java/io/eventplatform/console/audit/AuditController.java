package io.eventplatform.console.audit;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.eventplatform.console.web.ConsolePage;

@Controller
@ConsolePage
class AuditController {

	static final int PAGE_SIZE = 50;

	private final AuditLog log;

	AuditController(AuditLog log) {
		this.log = log;
	}

	@GetMapping("/audit")
	String audit(@RequestParam(defaultValue = "0") int page, Model model) {
		int current = Math.max(0, page);
		long total = log.count();
		model.addAttribute("entries", log.page(current, PAGE_SIZE));
		model.addAttribute("page", current);
		model.addAttribute("hasNext", (long) (current + 1) * PAGE_SIZE < total);
		model.addAttribute("total", total);
		return "audit";
	}
}
