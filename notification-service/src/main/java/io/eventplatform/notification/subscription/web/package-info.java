/** The HTTP API of subscriptions and opt-outs. */
@NullMarked
package io.eventplatform.notification.subscription.web;

import org.jspecify.annotations.NullMarked;
