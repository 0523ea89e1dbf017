package io.eventplatform.registration.users;

import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

public interface Users extends JpaRepository<User, UUID> {

	boolean existsByEmail(String normalisedEmail);
}
