package io.eventplatform.notification.subscription;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

public interface Subscriptions extends JpaRepository<Subscription, UUID>, JpaSpecificationExecutor<Subscription> {

	List<Subscription> findByKindAndTargetOrderByCreatedAtAsc(Subscription.Kind kind, String target);

	Optional<Subscription> findByKindAndTargetAndEmail(Subscription.Kind kind, String target, String email);

	boolean existsByKindAndEmailAndTargetIn(Subscription.Kind kind, String email, Collection<String> targets);
}
