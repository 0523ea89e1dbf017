package io.eventplatform.weather.readings;

import static io.eventplatform.weather.PinnedClock.NOW;
import static io.eventplatform.weather.readings.Readings.SINGLE;
import static io.eventplatform.weather.readings.Readings.newStation;
import static io.eventplatform.weather.readings.Readings.post;
import static io.eventplatform.weather.readings.Readings.reading;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.testcontainers.kafka.KafkaContainer;

import io.eventplatform.contract.EventEnvelope;
import io.eventplatform.contract.Topics;
import io.eventplatform.contract.weather.WeatherReadingRecorded;
import io.eventplatform.support.testing.ContainersIntegrationTest;
import io.eventplatform.support.testing.KafkaContainerConfiguration;
import io.eventplatform.support.testing.TopicProbe;
import io.eventplatform.weather.PinnedClock;
import tools.jackson.databind.json.JsonMapper;

/** A reading through the API, on the topic of a Kafka broker in a container. */
@ContainersIntegrationTest(coveredWithoutDockerBy = { RecordReadingIntegrationTests.class,
		RecordReadingBatchIntegrationTests.class }, against = "the embedded KRaft broker")
@SpringBootTest
@AutoConfigureMockMvc
@Import({ KafkaContainerConfiguration.class, PinnedClock.class })
class RecordReadingContainersIntegrationTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JsonMapper json;

	@Autowired
	KafkaContainer kafka;

	@Test
	void shouldPublishTheReadingToKafkaKeyedByStation() {
		// Given
		String station = newStation();
		Instant observedAt = NOW.minus(Duration.ofMinutes(5));

		// When
		var result = post(mvc, SINGLE, json.writeValueAsString(reading(station, observedAt)), "weather:write");

		// Then
		assertThat(result).hasStatus(202);
		ConsumerRecord<String, EventEnvelope<?>> record = TopicProbe.awaitRecord(kafka.getBootstrapServers(),
				Topics.WEATHER_READINGS.name(), station);
		assertThat(record.value().data())
			.isEqualTo(new WeatherReadingRecorded(station, observedAt, 7.5, 81.0, 1013.2));
	}
}
