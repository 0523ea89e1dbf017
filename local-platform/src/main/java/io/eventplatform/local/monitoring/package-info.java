/**
 * Local monitoring: Prometheus and Alertmanager from the machine's packages, with the rules {@code k8s/} deploys, and
 * the broker-side view of consumer groups and topics that Strimzi's Kafka Exporter gives in Kubernetes.
 */
@NullMarked
package io.eventplatform.local.monitoring;

import org.jspecify.annotations.NullMarked;
