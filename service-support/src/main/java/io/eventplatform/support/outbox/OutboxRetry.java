package io.eventplatform.support.outbox;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Tries failed publications again, without a restart. Only publications whose last attempt failed are taken, never
 * one still in flight, so an event is not sent twice at the same time.
 */
class OutboxRetry {

	private static final Logger log = LoggerFactory.getLogger(OutboxRetry.class);

	private final IncompleteEventPublications incompletePublications;

	OutboxRetry(IncompleteEventPublications incompletePublications) {
		this.incompletePublications = incompletePublications;
	}

	@Scheduled(fixedDelayString = "${platform.outbox.retry-interval:5s}",
			initialDelayString = "${platform.outbox.retry-interval:5s}")
	public void retryFailedPublications() {
		try {
			incompletePublications.resubmitIncompletePublications(ResubmissionOptions.defaults()
				.withFilter(publication -> publication.getStatus() == EventPublication.Status.FAILED));
		}
		catch (RuntimeException ex) {
			log.warn("Could not resubmit failed event publications: {}", ex.getMessage());
		}
	}
}
