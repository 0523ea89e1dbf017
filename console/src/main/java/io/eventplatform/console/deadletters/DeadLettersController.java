package io.eventplatform.console.deadletters;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.eventplatform.console.messages.MessageReader;
import io.eventplatform.console.security.Roles;
import io.eventplatform.console.web.ConsolePage;
import io.eventplatform.console.web.PageProblem;

@Controller
@ConsolePage
class DeadLettersController {

	private final DeadLetters deadLetters;

	DeadLettersController(DeadLetters deadLetters) {
		this.deadLetters = deadLetters;
	}

	@GetMapping("/dead-letters")
	String topics(Model model) throws Exception {
		Map<String, Long> handled = new LinkedHashMap<>();
		for (String topic : deadLetters.topics()) {
			handled.put(topic, deadLetters.handled(topic));
		}
		model.addAttribute("topics", handled);
		return "dead-letters";
	}

	@GetMapping("/dead-letters/{topic}")
	String topic(@PathVariable String topic, @RequestParam(required = false) @Nullable String cursor,
			@RequestParam(defaultValue = "next") String direction, Authentication person, Model model) {
		model.addAttribute("topic", topic);
		model.addAttribute("page", deadLetters.page(topic, MessageReader.ReadRequest.parseCursor(cursor),
				"previous".equals(direction), !Roles.seesPersonalData(person)));
		return "dead-letter-topic";
	}

	@PostMapping("/dead-letters/{topic}/redrive")
	String redrive(@PathVariable String topic, @RequestParam(name = "record", required = false) @Nullable List<String> records,
			Authentication person, RedirectAttributes redirect) {
		int sent = deadLetters.redrive(topic, selection(records), Roles.nameOf(person));
		redirect.addFlashAttribute("notice", "Redrove " + sent + " record(s) of " + topic);
		return "redirect:/dead-letters/" + topic;
	}

	@PostMapping("/dead-letters/{topic}/redrive-all")
	String redriveAll(@PathVariable String topic, Authentication person, RedirectAttributes redirect) {
		int sent = deadLetters.redriveAll(topic, Roles.nameOf(person));
		redirect.addFlashAttribute("notice", "Redrove " + sent + " record(s) of " + topic
				+ " (records redriven or discarded before were left alone)");
		return "redirect:/dead-letters/" + topic;
	}

	@PostMapping("/dead-letters/{topic}/discard")
	String discard(@PathVariable String topic, @RequestParam(name = "record", required = false) @Nullable List<String> records,
			Authentication person, RedirectAttributes redirect) {
		int discarded = deadLetters.discard(topic, selection(records), Roles.nameOf(person));
		redirect.addFlashAttribute("notice", "Discarded " + discarded + " record(s) of " + topic);
		return "redirect:/dead-letters/" + topic;
	}

	/** "partition:offset" values of the ticked records. */
	static Map<Integer, List<Long>> selection(@Nullable List<String> records) {
		if (records == null || records.isEmpty()) {
			throw new PageProblem(HttpStatus.BAD_REQUEST, "Tick at least one record");
		}
		Map<Integer, List<Long>> selection = new TreeMap<>();
		for (String record : records) {
			MessageReader.ReadRequest.parseCursor(record)
				.forEach((partition, offset) -> selection.computeIfAbsent(partition, p -> new ArrayList<>()).add(offset));
		}
		return selection;
	}
}
