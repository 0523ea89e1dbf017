package io.eventplatform.support.kafka.replay;

import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.eventplatform.support.security.Scopes;

/** The administrators' replay: {@code POST <platform.kafka.replay.path>} with {@code {"from": "<instant>"}}. */
@RestController
class ReplayController {

	private final ConsumerGroupReplay replay;

	ReplayController(ConsumerGroupReplay replay) {
		this.replay = replay;
	}

	@PostMapping("${platform.kafka.replay.path}")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@PreAuthorize(Scopes.Require.PLATFORM_ADMIN)
	Replay replay(@Valid @RequestBody ReplayRequest request) {
		return replay.rewind(request.from());
	}
}
