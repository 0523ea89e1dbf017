package io.eventplatform.local.mail;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.imap.ImapHostManager;
import com.icegreen.greenmail.mail.MailAddress;
import com.icegreen.greenmail.server.AbstractServer;
import com.icegreen.greenmail.smtp.SmtpManager;
import com.icegreen.greenmail.smtp.SmtpState;
import com.icegreen.greenmail.user.UserManager;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.jspecify.annotations.Nullable;

/**
 * GreenMail that can refuse chosen mailboxes for good, as a real server does for an address that does not exist or a
 * mailbox that is blocked: {@code 550} at {@code RCPT TO}. How an operator sees a mail that cannot go out in the
 * dead-letter view, fixes the cause and redrives it. GreenMail itself accepts every recipient and offers no hook but
 * its SMTP manager, hence the subclasses.
 */
final class RefusingGreenMail extends GreenMail {

	/** Filled after GreenMail's constructor, which already builds the services; read only while SMTP runs. */
	private final Set<String> refused = ConcurrentHashMap.newKeySet();

	RefusingGreenMail(ServerSetup setup) {
		super(setup);
	}

	void refuse(String address) {
		refused.add(normalise(address));
	}

	void accept(String address) {
		refused.remove(normalise(address));
	}

	Set<String> refused() {
		return Set.copyOf(refused);
	}

	@Override
	protected Map<String, AbstractServer> createServices(ServerSetup[] config, Managers managers) {
		return super.createServices(config, new RefusingManagers(managers, this::refuses));
	}

	private boolean refuses(String address) {
		return refused.contains(normalise(address));
	}

	private static String normalise(String address) {
		return address.strip().toLowerCase(Locale.ROOT);
	}

	/** GreenMail's managers, but with an SMTP manager that asks before it accepts a recipient. */
	private static final class RefusingManagers extends Managers {

		private final Managers managers;

		private final SmtpManager smtpManager;

		RefusingManagers(Managers managers, Predicate<String> refuses) {
			this.managers = managers;
			this.smtpManager = new RefusingSmtpManager(managers.getImapHostManager(), managers.getUserManager(),
					refuses);
		}

		@Override
		public SmtpManager getSmtpManager() {
			return smtpManager;
		}

		@Override
		public UserManager getUserManager() {
			return managers.getUserManager();
		}

		@Override
		public ImapHostManager getImapHostManager() {
			return managers.getImapHostManager();
		}

	}

	private static final class RefusingSmtpManager extends SmtpManager {

		private final Predicate<String> refuses;

		RefusingSmtpManager(ImapHostManager imapHostManager, UserManager userManager, Predicate<String> refuses) {
			super(imapHostManager, userManager);
			this.refuses = refuses;
		}

		@Override
		public @Nullable String checkRecipient(SmtpState state, MailAddress address) {
			if (refuses.test(address.getEmail())) {
				return "550 5.1.1 <" + address.getEmail() + ">: mailbox unavailable";
			}
			return super.checkRecipient(state, address);
		}

	}

}
