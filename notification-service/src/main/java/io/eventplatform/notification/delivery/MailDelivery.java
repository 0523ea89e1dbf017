package io.eventplatform.notification.delivery;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sends each mail once per event. The delivery is recorded and the mail handed to the SMTP server in one
 * transaction: if SMTP fails, nothing is recorded and the event is retried; a redelivered or replayed event finds its
 * delivery and sends nothing.
 */
@Service
public class MailDelivery {

	private static final Logger log = LoggerFactory.getLogger(MailDelivery.class);

	private final Deliveries deliveries;

	private final JavaMailSender mailSender;

	private final String from;

	private final Clock clock = Clock.systemUTC();

	MailDelivery(Deliveries deliveries, JavaMailSender mailSender,
			@Value("${platform.notification.from:Event Platform <no-reply@eventplatform.io>}") String from) {
		this.deliveries = deliveries;
		this.mailSender = mailSender;
		this.from = from;
	}

	/** @return whether the mail was sent now (false: this event already sent it) */
	@Transactional
	public boolean deliver(Mail mail) {
		if (deliveries.existsByEventIdAndKind(mail.eventId(), mail.kind())) {
			log.info("Event {} already sent its {} mail, not sending it again", mail.eventId(), mail.kind());
			return false;
		}
		deliveries.saveAndFlush(new Delivery(mail.eventId(), mail.kind(), mail.to(), mail.subject(),
				Delivery.Status.SENT, clock.instant()));
		SimpleMailMessage message = new SimpleMailMessage();
		message.setFrom(from);
		message.setTo(mail.to());
		message.setSubject(mail.subject());
		message.setText(mail.text());
		mailSender.send(message);
		log.info("Sent {} mail for event {}", mail.kind(), mail.eventId());
		return true;
	}
}
