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
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.eventplatform.registration.users.Users;
import io.eventplatform.support.security.Scopes;

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
	@PreAuthorize(Scopes.Require.USERS_WRITE)
	@Operation(summary = "Register a user", description = "Stores the user and publishes UserRegistered to "
			+ "users.registered (key: the user id) through the transactional outbox. Unknown properties are ignored.")
	@ApiResponse(responseCode = "201", description = "Registered; Location names the new user")
	@ApiResponse(responseCode = "400", description = "Invalid input: errors names each field and rule",
			content = @Content(mediaType = "application/problem+json"))
	@ApiResponse(responseCode = "409", description = "The e-mail address is already registered (any case)",
			content = @Content(mediaType = "application/problem+json"))
	ResponseEntity<UserResponse> register(@Valid @RequestBody RegisterUserRequest request) {
		var user = registration.register(request.toRegistration());
		var location = ServletUriComponentsBuilder.fromCurrentRequest()
			.path("/{id}")
			.buildAndExpand(user.getId())
			.toUri();
		return ResponseEntity.created(location).body(UserResponse.of(user));
	}

	@GetMapping("/{id}")
	@PreAuthorize(Scopes.Require.USERS_READ)
	@Operation(summary = "Read a user")
	@ApiResponse(responseCode = "404", description = "No such user",
			content = @Content(mediaType = "application/problem+json"))
	UserResponse user(@PathVariable UUID id) {
		return users.findById(id)
			.map(UserResponse::of)
			.orElseThrow(() -> new ErrorResponseException(HttpStatus.NOT_FOUND));
	}
}
