package io.eventplatform.console.live;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The open Server-Sent Events streams of the live page, each pushed every new fraud alert as the HTML of one list
 * item (htmx's SSE extension puts it at the top of the list), masked for viewers. Sends run on a thread of their own,
 * so a slow browser never holds up the Kafka feed; a stream that fails is dropped (the browser reconnects).
 */
@Component
class AlertStreams implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(AlertStreams.class);

	static final String EVENT = "fraud-alert";

	private record Stream(SseEmitter emitter, boolean masked) {
	}

	private final List<Stream> streams = new CopyOnWriteArrayList<>();

	private final ExecutorService sender = Executors.newSingleThreadExecutor(runnable -> {
		Thread thread = new Thread(runnable, "console-live-streams");
		thread.setDaemon(true);
		return thread;
	});

	private final LiveFeed feed;

	private final ITemplateEngine templates;

	private final LiveProperties properties;

	AlertStreams(LiveFeed feed, ITemplateEngine templates, LiveProperties properties) {
		this.feed = feed;
		this.templates = templates;
		this.properties = properties;
	}

	/**
	 * A new stream that first gets the alerts received after {@code after} (those the page does not show yet, or that
	 * a reconnecting browser missed), then every new one.
	 */
	SseEmitter open(long after, boolean masked) {
		if (streams.size() >= properties.maxStreams()) {
			throw new TooManyStreams();
		}
		SseEmitter emitter = new SseEmitter(properties.streamTimeout().toMillis());
		Stream stream = new Stream(emitter, masked);
		emitter.onCompletion(() -> streams.remove(stream));
		emitter.onTimeout(() -> {
			streams.remove(stream);
			emitter.complete();
		});
		emitter.onError(error -> streams.remove(stream));
		streams.add(stream);
		List<FraudAlert> missed = feed.alertsAfter(after);
		execute(() -> {
			// Opens the response at once (browsers and the gateway see the stream start), then what was missed.
			send(stream, SseEmitter.event().comment("fraud alerts"));
			missed.forEach(alert -> send(stream, event(alert, html(alert, masked))));
		});
		return emitter;
	}

	@EventListener
	void alert(FraudAlert alert) {
		if (streams.isEmpty()) {
			return;
		}
		execute(() -> {
			// Rendered once for viewers and once for operators; an event (a builder) is sent only once.
			String masked = null;
			String plain = null;
			for (Stream stream : streams) {
				if (stream.masked()) {
					masked = masked == null ? html(alert, true) : masked;
					send(stream, event(alert, masked));
				}
				else {
					plain = plain == null ? html(alert, false) : plain;
					send(stream, event(alert, plain));
				}
			}
		});
	}

	/** A comment now and then keeps idle streams open through the gateway and finds the ones that went away. */
	@Scheduled(fixedDelayString = "${platform.console.live.heartbeat:5s}")
	void heartbeat() {
		if (!streams.isEmpty()) {
			execute(() -> streams.forEach(stream -> send(stream, SseEmitter.event().comment("heartbeat"))));
		}
	}

	int open() {
		return streams.size();
	}

	private String html(FraudAlert alert, boolean masked) {
		Context context = new Context();
		context.setVariables(Map.of("alert", AlertView.of(alert, feed, masked)));
		// One line: an SSE data field ends at a line break.
		return templates.process("live-alert", Set.of("alert"), context).replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
	}

	private static SseEmitter.SseEventBuilder event(FraudAlert alert, String html) {
		return SseEmitter.event().id(Long.toString(alert.sequence())).name(EVENT).data(html);
	}

	private void send(Stream stream, SseEmitter.SseEventBuilder event) {
		try {
			stream.emitter().send(event);
		}
		catch (IOException | IllegalStateException ex) {
			streams.remove(stream);
			stream.emitter().completeWithError(ex);
		}
	}

	private void execute(Runnable task) {
		try {
			sender.execute(task);
		}
		catch (RejectedExecutionException ex) {
			log.debug("Shutting down; not sent");
		}
	}

	@Override
	public void destroy() {
		streams.forEach(stream -> stream.emitter().complete());
		streams.clear();
		sender.shutdownNow();
	}

	/** More streams are open than the console serves at once. */
	static class TooManyStreams extends RuntimeException {

		TooManyStreams() {
			super("Too many live streams are open; try again later");
		}
	}
}
