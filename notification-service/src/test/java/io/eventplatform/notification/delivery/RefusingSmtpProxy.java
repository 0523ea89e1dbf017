package io.eventplatform.notification.delivery;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real SMTP hop on loopback in front of GreenMail that answers, while told to, what a mail server answers on
 * ordinary trouble: a 421 greeting, or a chosen reply (451 greylisting, 550 unknown user) to {@code RCPT TO}.
 * Everything else goes through to GreenMail, which takes the mail. Hand-written because GreenMail lets no test choose
 * its replies, and SubEthaSMTP (which can refuse a recipient) cannot refuse the greeting either; it is a line relay,
 * not an SMTP implementation.
 */
final class RefusingSmtpProxy implements AutoCloseable {

	private final ServerSocket server;

	private final int upstreamPort;

	private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
		Thread thread = new Thread(runnable, "refusing-smtp-proxy");
		thread.setDaemon(true);
		return thread;
	});

	private volatile String greeting;

	private final Map<String, String> recipientReplies = new ConcurrentHashMap<>();

	private final AtomicInteger refusals = new AtomicInteger();

	RefusingSmtpProxy(int upstreamPort) {
		this.upstreamPort = upstreamPort;
		try {
			server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		threads.execute(this::acceptConnections);
	}

	int port() {
		return server.getLocalPort();
	}

	/** Greets every new session with this reply (e.g. {@code 421 ...}) and closes it. */
	void greetWith(String reply) {
		greeting = reply;
	}

	/** Answers {@code RCPT TO:<address>} with this reply instead of passing it on. */
	void answerRecipient(String address, String reply) {
		recipientReplies.put(address.toLowerCase(Locale.ROOT), reply);
	}

	/** Passes everything on from now on. */
	void acceptAll() {
		greeting = null;
		recipientReplies.clear();
	}

	/** How many greetings and recipients it refused so far. */
	int refusals() {
		return refusals.get();
	}

	@Override
	public void close() throws IOException {
		server.close();
		threads.shutdownNow();
	}

	private void acceptConnections() {
		while (!server.isClosed()) {
			try {
				Socket client = server.accept();
				threads.execute(() -> serve(client));
			}
			catch (IOException ex) {
				return; // closed
			}
		}
	}

	private void serve(Socket client) {
		try (client) {
			String refusal = greeting;
			if (refusal != null) {
				refusals.incrementAndGet();
				write(client.getOutputStream(), refusal);
				return;
			}
			try (Socket upstream = new Socket(InetAddress.getLoopbackAddress(), upstreamPort)) {
				threads.execute(() -> relayReplies(upstream, client));
				relayCommands(client, upstream);
			}
		}
		catch (IOException ex) {
			// The client or GreenMail closed the session.
		}
	}

	/** Client to GreenMail, line by line, answering the recipients it was told to; the message text goes through. */
	private void relayCommands(Socket client, Socket upstream) throws IOException {
		InputStream in = new BufferedInputStream(client.getInputStream());
		OutputStream toServer = upstream.getOutputStream();
		boolean inMessageText = false;
		for (byte[] line = readLine(in); line != null; line = readLine(in)) {
			String text = new String(line, StandardCharsets.US_ASCII).strip();
			if (inMessageText) {
				inMessageText = !text.equals(".");
			}
			else if (text.regionMatches(true, 0, "RCPT TO:", 0, 8)) {
				String address = text.substring(text.indexOf('<') + 1, text.lastIndexOf('>')).toLowerCase(Locale.ROOT);
				String reply = recipientReplies.get(address);
				if (reply != null) {
					refusals.incrementAndGet();
					write(client.getOutputStream(), reply);
					continue;
				}
			}
			else if (text.equalsIgnoreCase("DATA")) {
				inMessageText = true;
			}
			toServer.write(line);
			toServer.flush();
		}
	}

	private static void relayReplies(Socket upstream, Socket client) {
		try {
			InputStream in = upstream.getInputStream();
			OutputStream out = client.getOutputStream();
			byte[] buffer = new byte[8192];
			for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
				synchronized (out) {
					out.write(buffer, 0, read);
					out.flush();
				}
			}
			client.shutdownOutput();
		}
		catch (IOException ex) {
			// Either side closed the session.
		}
	}

	private static void write(OutputStream out, String reply) throws IOException {
		synchronized (out) {
			out.write((reply + "\r\n").getBytes(StandardCharsets.US_ASCII));
			out.flush();
		}
	}

	private static byte[] readLine(InputStream in) throws IOException {
		ByteArrayOutputStream line = new ByteArrayOutputStream();
		for (int b = in.read(); b >= 0; b = in.read()) {
			line.write(b);
			if (b == '\n') {
				return line.toByteArray();
			}
		}
		return line.size() == 0 ? null : line.toByteArray();
	}
}
