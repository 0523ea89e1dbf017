package io.eventplatform.local.mail;

import java.io.IOException;
import java.time.Clock;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.atomic.AtomicLong;

import com.icegreen.greenmail.mail.MailAddress;
import com.icegreen.greenmail.mail.MovingMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.user.MessageDeliveryHandler;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes over GreenMail's delivery: a message is recorded once in the {@link Mailbox}, whatever its number of
 * recipients, instead of being copied into one GreenMail mailbox per recipient (which would then list it once per
 * recipient and could never be bounded).
 */
final class MailRecorder implements MessageDeliveryHandler {

	private static final Logger log = LoggerFactory.getLogger(MailRecorder.class);

	private final Mailbox mailbox;

	private final AtomicLong ids = new AtomicLong();

	/** GreenMail hands over the same message once per recipient; weak, so a recorded message can be collected. */
	private final Set<MovingMessage> recorded = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

	private final Clock clock;

	MailRecorder(Mailbox mailbox, Clock clock) {
		this.mailbox = mailbox;
		this.clock = clock;
	}

	@Override
	public GreenMailUser handle(MovingMessage message, MailAddress recipient) throws MessagingException {
		if (recorded.add(message)) {
			ReceivedMail mail = toReceivedMail(message);
			mailbox.add(mail);
			log.info("Received message {} for {} recipient(s)", mail.id(), mail.to().size());
		}
		return DiscardingUser.INSTANCE;
	}

	private ReceivedMail toReceivedMail(MovingMessage message) throws MessagingException {
		MimeMessage mime = message.getMessage();
		List<String> to = message.getToAddresses().stream().map(MailAddress::getEmail).toList();
		try {
			MimeBodies content = MimeBodies.of(mime);
			return new ReceivedMail(ids.incrementAndGet(), from(message), to, mime.getSubject(), clock.instant(),
					content.text(), content.html());
		}
		catch (IOException ex) {
			throw new MessagingException("Could not read the message body", ex);
		}
	}

	private static @Nullable String from(MovingMessage message) throws MessagingException {
		Address[] from = message.getMessage().getFrom();
		if (from != null && from.length > 0) {
			return (from[0] instanceof InternetAddress address) ? address.toUnicodeString() : from[0].toString();
		}
		return (message.getReturnPath() != null) ? message.getReturnPath().getEmail() : null;
	}

	/** Where GreenMail would file the message; it is already in the {@link Mailbox}, so nothing is kept. */
	private enum DiscardingUser implements GreenMailUser {

		INSTANCE;

		@Override
		public String getEmail() {
			return "recorder@localhost";
		}

		@Override
		public String getLogin() {
			return "recorder";
		}

		@Override
		public void deliver(MovingMessage msg) {
		}

		@Override
		public void deliver(MimeMessage msg) {
		}

		@Override
		public void create() {
		}

		@Override
		public void delete() {
		}

		@Override
		public @Nullable String getPassword() {
			return null;
		}

		@Override
		public void setPassword(String password) {
		}

		@Override
		public void authenticate(String password) {
		}

		@Override
		public String getQualifiedMailboxName() {
			return "recorder";
		}

	}

}
