package io.eventplatform.transactions.ledger;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface IdempotencyKeys extends JpaRepository<IdempotencyKey, UUID> {

	Optional<IdempotencyKey> findByClientIdAndIdempotencyKey(String clientId, String idempotencyKey);
}
