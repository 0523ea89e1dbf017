package io.eventplatform.console.metrics;

import java.net.URI;
import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the console reads the platform's metrics.
 *
 * @param prometheusUri the platform's Prometheus (its HTTP API under {@code /api/v1}); none: the metrics page says
 * so. {@code ./run.sh} passes its local Prometheus when it runs one, Kubernetes the cluster's.
 * @param prometheusTimeout how long one query may take, connecting included, before the page says Prometheus is not
 * reachable
 */
@ConfigurationProperties("platform.console")
public record PrometheusProperties(@Nullable URI prometheusUri, @DefaultValue("2s") Duration prometheusTimeout) {
}
