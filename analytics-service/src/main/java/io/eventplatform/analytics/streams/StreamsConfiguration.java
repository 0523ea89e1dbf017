package io.eventplatform.analytics.streams;

import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.StreamsBuilderFactoryBeanConfigurer;

@Configuration(proxyBeanMethods = false)
class StreamsConfiguration {

	private static final Logger log = LoggerFactory.getLogger(StreamsConfiguration.class);

	/**
	 * A stream thread that dies of an unexpected error is replaced, rather than leaving the client in ERROR (not
	 * ready, but alive, so never restarted). Exactly-once processing makes the new thread resume where the old one
	 * committed.
	 */
	@Bean
	StreamsBuilderFactoryBeanConfigurer replaceDeadStreamThreads() {
		return factoryBean -> factoryBean.setStreamsUncaughtExceptionHandler(exception -> {
			log.error("A Kafka Streams thread failed; replacing it", exception);
			return StreamThreadExceptionResponse.REPLACE_THREAD;
		});
	}
}
