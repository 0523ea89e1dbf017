package io.eventplatform.console.messages;

import java.time.Instant;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.eventplatform.console.security.Roles;
import io.eventplatform.console.web.ConsolePage;

@Controller
@ConsolePage
class MessagesController {

	private final MessageReader reader;

	private final Admin admin;

	MessagesController(MessageReader reader, Admin admin) {
		this.reader = reader;
		this.admin = admin;
	}

	@GetMapping("/messages")
	String messages(@RequestParam(required = false) @Nullable String topic,
			@RequestParam(required = false) @Nullable Integer partition,
			@RequestParam(required = false) @Nullable String cursor,
			@RequestParam(defaultValue = "next") String direction,
			@RequestParam(required = false) @Nullable Long fromOffset,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @Nullable Instant fromTime,
			@RequestParam(required = false) @Nullable String key, @RequestParam(required = false) @Nullable String type,
			Authentication person, Model model) throws Exception {
		model.addAttribute("topics", new TreeSet<>(admin.listTopics().names().get(10, TimeUnit.SECONDS)));
		model.addAttribute("topic", topic);
		model.addAttribute("partition", partition);
		model.addAttribute("fromOffset", fromOffset);
		model.addAttribute("fromTime", fromTime);
		model.addAttribute("key", key);
		model.addAttribute("type", type);
		model.addAttribute("masked", !Roles.seesPersonalData(person));
		if (topic != null && !topic.isBlank()) {
			Map<Integer, Long> positions = MessageReader.ReadRequest.parseCursor(cursor);
			var request = new MessageReader.ReadRequest(topic, partition, positions, fromOffset, fromTime,
					"previous".equals(direction), key, type);
			model.addAttribute("page", reader.read(request, !Roles.seesPersonalData(person)));
		}
		return "messages";
	}
}
