/** The HTTP API of subscriptions and opt-outs. */
package io.eventplatform.notification.subscription.web;
