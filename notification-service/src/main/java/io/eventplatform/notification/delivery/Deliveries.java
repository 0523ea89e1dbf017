package io.eventplatform.notification.delivery;

import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

public interface Deliveries extends JpaRepository<Delivery, UUID> {

	boolean existsByEventIdAndKind(String eventId, String kind);
}
