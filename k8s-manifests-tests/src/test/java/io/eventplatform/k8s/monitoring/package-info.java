/** The Prometheus rules, unit-tested with promtool the way their authors test them. */
package io.eventplatform.k8s.monitoring;
