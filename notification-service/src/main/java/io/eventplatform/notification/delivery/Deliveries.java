package io.eventplatform.notification.delivery;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

public interface Deliveries extends JpaRepository<Delivery, UUID>, JpaSpecificationExecutor<Delivery> {

	Optional<Delivery> findByEventIdAndTypeAndRecipient(String eventId, NotificationType type, String recipient);

	List<Delivery> findByEventId(String eventId);

	List<Delivery> findByTypeAndConcerningAndRecipientAndStatusOrderByCreatedAtAsc(NotificationType type,
			String concerning, String recipient, DeliveryStatus status);
}
