package io.eventplatform.gateway.analytics;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.DisposableBean;

import io.eventplatform.contract.gateway.GatewayRequestCompleted;
import io.eventplatform.support.kafka.EventPublisher;

/**
 * Hands request events to Kafka on a thread of its own, through a bounded queue. A request thread only enqueues: it
 * never waits for producer metadata (up to {@code max.block.ms} while the broker is away) nor for an acknowledgement.
 * When the queue is full the event is dropped and counted: analytics may lose events during an outage, the API never
 * waits for them.
 */
class RequestEventSender implements DisposableBean {

	private final EventPublisher publisher;

	private final ThreadPoolExecutor sender;

	private final Counter dropped;

	RequestEventSender(EventPublisher publisher, int queueCapacity, MeterRegistry meters) {
		this.publisher = publisher;
		this.dropped = Counter.builder("gateway.requests.events.dropped")
			.description("gateway.requests events dropped because the queue to the broker was full")
			.register(meters);
		this.sender = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(queueCapacity),
				runnable -> {
					Thread thread = new Thread(runnable, "gateway-requests-sender");
					thread.setDaemon(true);
					return thread;
				}, (task, executor) -> dropped.increment());
		Gauge.builder("gateway.requests.events.queued", sender, executor -> executor.getQueue().size())
			.description("gateway.requests events waiting to be handed to the producer")
			.register(meters);
	}

	void send(GatewayRequestCompleted request) {
		sender.execute(() -> publisher.publish(publisher.newEvent(request)));
	}

	@Override
	public void destroy() throws InterruptedException {
		sender.shutdown();
		// Whatever the broker takes within a moment is sent; the rest is analytics and may go.
		sender.awaitTermination(2, TimeUnit.SECONDS);
		sender.shutdownNow();
	}

}
