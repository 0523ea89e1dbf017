package io.eventplatform.notification.dispatch;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

import io.eventplatform.notification.delivery.NotificationType;

interface AlertWindows extends JpaRepository<AlertWindow, UUID> {

	/** Locks the window's row ({@code SELECT ... FOR UPDATE}) until the transaction ends. */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	Optional<AlertWindow> findByTypeAndConcerningAndRecipient(NotificationType type, String concerning,
			String recipient);

	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select w from AlertWindow w where w.id = ?1")
	Optional<AlertWindow> lock(UUID id);

	@Query("select w.id from AlertWindow w where w.digestDue = true and w.closesAt <= ?1 order by w.closesAt")
	List<UUID> findDigestsDueAt(Instant now);
}
