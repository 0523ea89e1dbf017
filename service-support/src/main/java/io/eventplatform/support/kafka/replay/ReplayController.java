package io.eventplatform.support.kafka.replay;

import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.eventplatform.support.security.Scopes;

/**
 * The administrators' replay: {@code POST <platform.kafka.replay.path>} with exactly one of
 * {@code {"from": "<instant>"}}, {@code {"to": "earliest" | "latest"}} or
 * {@code {"offsets": [{"topic", "partition", "offset"}]}}, optionally {@code "group"} and {@code "dryRun": true}.
 * 202 when the groups were rewound, 200 with the preview of a dry run.
 */
@RestController
class ReplayController {

	private final ConsumerGroupReplay replay;

	ReplayController(ConsumerGroupReplay replay) {
		this.replay = replay;
	}

	@PostMapping("${platform.kafka.replay.path}")
	@PreAuthorize(Scopes.Require.PLATFORM_ADMIN)
	ResponseEntity<Replay> replay(@Valid @RequestBody ReplayRequest request) {
		Replay done = replay.rewind(request);
		return ResponseEntity.status(done.dryRun() ? HttpStatus.OK : HttpStatus.ACCEPTED).body(done);
	}
}
