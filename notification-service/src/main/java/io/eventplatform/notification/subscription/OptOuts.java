package io.eventplatform.notification.subscription;

import org.springframework.data.jpa.repository.JpaRepository;

public interface OptOuts extends JpaRepository<OptOut, String> {
}
