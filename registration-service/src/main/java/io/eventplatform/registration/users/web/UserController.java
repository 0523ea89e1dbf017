package io.eventplatform.registration.users.web;

import java.util.UUID;

import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import io.eventplatform.registration.users.UserRegistration;
import io.eventplatform.registration.users.Users;

@RestController
@RequestMapping("/api/users")
class UserController {

	private final UserRegistration registration;

	private final Users users;

	UserController(UserRegistration registration, Users users) {
		this.registration = registration;
		this.users = users;
	}

	@PostMapping
	@PreAuthorize("hasAuthority('SCOPE_users:write')")
	ResponseEntity<UserResponse> register(@Valid @RequestBody RegisterUserRequest request) {
		var user = registration.register(request.toRegistration());
		var location = ServletUriComponentsBuilder.fromCurrentRequest()
			.path("/{id}")
			.buildAndExpand(user.getId())
			.toUri();
		return ResponseEntity.created(location).body(UserResponse.of(user));
	}

	@GetMapping("/{id}")
	@PreAuthorize("hasAuthority('SCOPE_users:read')")
	UserResponse user(@PathVariable UUID id) {
		return users.findById(id)
			.map(UserResponse::of)
			.orElseThrow(() -> new ErrorResponseException(HttpStatus.NOT_FOUND));
	}
}
