package io.eventplatform.transactions.ledger;

import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

public interface Transactions extends JpaRepository<Transaction, UUID> {

	Page<Transaction> findByAccountIdOrderByOccurredAtAscIdAsc(String accountId, Pageable pageable);
}
