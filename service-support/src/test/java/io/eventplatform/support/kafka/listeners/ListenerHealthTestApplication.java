package io.eventplatform.support.kafka.listeners;

import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.annotation.KafkaListener;

import io.eventplatform.contract.EventEnvelope;
import io.eventplatform.contract.users.UserRegistered;

/** A service with one listener, which an {@link Error} ends on the display name "fatal". */
@SpringBootApplication
class ListenerHealthTestApplication {

	@Bean
	FailingListener failingListener() {
		return new FailingListener();
	}

	static class FailingListener {

		final AtomicInteger handled = new AtomicInteger();

		@KafkaListener(id = "listener-health-test", topics = "users.registered")
		void on(EventEnvelope<UserRegistered> event) {
			if ("fatal".equals(event.data().displayName())) {
				throw new StackOverflowError("simulated: a listener that recursed without end");
			}
			handled.incrementAndGet();
		}
	}
}
