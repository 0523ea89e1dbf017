package io.eventplatform.notification.alert;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.eventplatform.contract.EventEnvelope;
import io.eventplatform.contract.Topics;
import io.eventplatform.contract.weather.WeatherAlertRaised;
import io.eventplatform.notification.dispatch.Dispatcher;

/** Hands each weather alert to the {@link Dispatcher}. */
@Component
class WeatherAlertListener {

	static final String ID = "weather-alert-mail";

	private final Dispatcher dispatcher;

	WeatherAlertListener(Dispatcher dispatcher) {
		this.dispatcher = dispatcher;
	}

	@KafkaListener(id = ID, groupId = "${platform.notification.consumer-groups.weather-alerts}",
			topics = Topics.Names.WEATHER_ALERTS)
	void on(EventEnvelope<WeatherAlertRaised> event) {
		dispatcher.weatherAlertRaised(event);
	}
}
