/** A service as service-support builds it, scraped to prove the dashboards and alerts query metrics that exist. */
package io.eventplatform.k8s.metrics;
