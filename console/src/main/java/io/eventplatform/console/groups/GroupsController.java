package io.eventplatform.console.groups;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import tools.jackson.databind.json.JsonMapper;

import io.eventplatform.console.platformapi.ServiceCallFailed;
import io.eventplatform.console.security.Roles;
import io.eventplatform.console.web.ConsolePage;
import io.eventplatform.console.web.PageProblem;

@Controller
@ConsolePage
class GroupsController {

	private final ConsumerGroups groups;

	private final Rewinds rewinds;

	private final JsonMapper json;

	GroupsController(ConsumerGroups groups, Rewinds rewinds, JsonMapper json) {
		this.groups = groups;
		this.rewinds = rewinds;
		this.json = json;
	}

	@GetMapping("/groups")
	String list(Model model) throws Exception {
		model.addAttribute("groups", groups.list());
		return "groups";
	}

	@GetMapping("/groups/{groupId}")
	String detail(@PathVariable String groupId, Model model) throws Exception {
		ConsumerGroups.GroupDetail detail = groups.detail(groupId)
			.orElseThrow(() -> new PageProblem(HttpStatus.NOT_FOUND, "No consumer group " + groupId));
		model.addAttribute("group", detail);
		model.addAttribute("lagTrend", json.writeValueAsString(detail.lagTrend()));
		return "group";
	}

	@PostMapping("/groups/{groupId}/rewind/preview")
	String preview(@PathVariable String groupId, Rewinds.RewindRequest request, Model model) {
		model.addAttribute("groupId", groupId);
		model.addAttribute("request", request);
		try {
			model.addAttribute("changes", rewinds.preview(groupId, request));
		}
		catch (ServiceCallFailed ex) {
			throw new PageProblem(HttpStatus.BAD_GATEWAY, "The preview failed: " + ex.getMessage());
		}
		return "rewind-preview";
	}

	@PostMapping("/groups/{groupId}/rewind")
	String rewind(@PathVariable String groupId, Rewinds.RewindRequest request, Authentication person,
			RedirectAttributes redirect) {
		try {
			var changes = rewinds.rewind(groupId, request, Roles.nameOf(person));
			redirect.addFlashAttribute("notice", "Rewound " + groupId + " " + request.describe() + ": "
					+ changes.size() + " partitions");
		}
		catch (ServiceCallFailed ex) {
			throw new PageProblem(HttpStatus.BAD_GATEWAY, "The rewind failed: " + ex.getMessage());
		}
		return "redirect:/groups/" + groupId;
	}
}
