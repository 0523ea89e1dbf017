package io.eventplatform.console.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
@ConsolePage
class SignedOutController {

	@GetMapping("/signed-out")
	String signedOut() {
		return "signed-out";
	}
}
