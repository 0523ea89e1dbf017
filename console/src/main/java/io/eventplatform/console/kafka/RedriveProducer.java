package io.eventplatform.console.kafka;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Writes records back as bytes, exactly as they were. A class of its own rather than a {@code KafkaTemplate} bean, so
 * that Spring Boot's own template (which service-support's publisher expects) stays as it is.
 */
public class RedriveProducer {

	private final DefaultKafkaProducerFactory<byte[], byte[]> factory;

	private final KafkaTemplate<byte[], byte[]> template;

	RedriveProducer(DefaultKafkaProducerFactory<byte[], byte[]> factory) {
		this.factory = factory;
		this.template = new KafkaTemplate<>(factory);
	}

	/** Sends and waits for the acknowledgement of all in-sync replicas. */
	public void sendAndWait(ProducerRecord<byte[], byte[]> record)
			throws InterruptedException, ExecutionException, TimeoutException {
		template.send(record).get(30, TimeUnit.SECONDS);
	}

	void destroy() {
		factory.destroy();
	}
}
