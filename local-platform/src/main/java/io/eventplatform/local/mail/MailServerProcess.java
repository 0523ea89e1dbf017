package io.eventplatform.local.mail;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.ServerSetup;
import io.eventplatform.local.process.ChildArguments;
import io.eventplatform.local.process.JavaCommand;
import io.eventplatform.local.process.ParentWatchdog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The mail server process: GreenMail's SMTP server, accepting any sender and recipient without authentication, and
 * the {@link MailApi} to read what arrived. Mail is kept in memory only.
 */
public final class MailServerProcess {

	private static final Logger log = LoggerFactory.getLogger(MailServerProcess.class);

	private static final String HOST = "127.0.0.1";

	private static final List<String> JVM_OPTIONS = List.of("-Xms16m", "-Xmx96m", "-XX:+UseSerialGC", "-Xss512k",
			"-XX:TieredStopAtLevel=1", "-Djava.awt.headless=true",
			"-Dlogback.configurationFile=io/eventplatform/local/child-logback.xml");

	private MailServerProcess() {
	}

	/** The command that runs a mail server with SMTP on {@code smtpPort} and its HTTP API on {@code apiPort}. */
	public static List<String> command(int smtpPort, int apiPort) {
		return JavaCommand.mainClass(JVM_OPTIONS, MailServerProcess.class, List.of("--smtp-port=" + smtpPort,
				"--api-port=" + apiPort, ParentWatchdog.optionForCurrentProcess()));
	}

	public static void main(String[] args) throws IOException, InterruptedException {
		ChildArguments arguments = ChildArguments.parse(args);
		ParentWatchdog.exitWhenParentEnds(arguments);
		int smtpPort = arguments.requiredPort("smtp-port");
		int apiPort = arguments.requiredPort("api-port");

		Mailbox mailbox = new Mailbox();
		RefusingGreenMail smtp = new RefusingGreenMail(new ServerSetup(smtpPort, HOST, ServerSetup.PROTOCOL_SMTP));
		smtp.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
		smtp.getUserManager().setMessageDeliveryHandler(new MailRecorder(mailbox, Clock.systemUTC()));
		smtp.start();
		MailApi api = MailApi.start(mailbox, smtp, HOST, apiPort);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			api.stop();
			smtp.stop();
		}, "mail-server-shutdown"));
		log.info("SMTP on {}:{}, messages on http://{}:{}/messages", HOST, smtpPort, HOST, apiPort);
		// Runs until the launcher stops it; the shutdown hook closes both servers.
		new CountDownLatch(1).await();
	}

}
