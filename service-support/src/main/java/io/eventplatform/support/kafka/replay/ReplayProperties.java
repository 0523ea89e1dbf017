package io.eventplatform.support.kafka.replay;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param path where the admin endpoint listens, e.g. {@code /api/notifications/admin/replay}; no endpoint without it
 * @param listenerIds the ids of the {@code @KafkaListener}s whose groups a replay rewinds; all of the service's when
 * empty (the default)
 */
@ConfigurationProperties("platform.kafka.replay")
record ReplayProperties(String path, @DefaultValue List<String> listenerIds) {
}
