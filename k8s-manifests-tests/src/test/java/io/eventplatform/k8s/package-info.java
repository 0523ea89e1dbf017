/**
 * Offline checks of {@code k8s/}: the overlays render, every object fits its resource model, and the manifests agree
 * with the code (services, ports, topics, users, environment, images, metrics).
 */
package io.eventplatform.k8s;
